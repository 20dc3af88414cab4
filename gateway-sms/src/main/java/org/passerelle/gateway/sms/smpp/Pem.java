package org.passerelle.gateway.sms.smpp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * PEM files with the JDK's own parsers: X.509 certificates, and an unencrypted PKCS#8 private key
 * ({@code BEGIN PRIVATE KEY}). Every failure is an IllegalArgumentException naming the file and why.
 */
public final class Pem {
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private Pem() {
    }

    /** The certificates of a PEM file, in order (a chain starts with its own certificate); at least one. */
    public static List<X509Certificate> certificates(String file) {
        List<X509Certificate> found;
        try {
            found = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(read(file))).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not PEM certificates (" + e.getMessage() + ")", e);
        }
        if (found.isEmpty()) throw new IllegalArgumentException(file + ": no certificate in it");
        return found;
    }

    /** The private key of a PEM file holding one unencrypted PKCS#8 key. */
    public static PrivateKey privateKey(String file) {
        String text = new String(read(file), java.nio.charset.StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN_KEY);
        int end = text.indexOf(END_KEY);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(file + ": no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the key is not base64 (" + e.getMessage() + ")", e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: the next one
            }
        }
        throw new IllegalArgumentException(file + ": not a " + String.join(", ", KEY_ALGORITHMS) + " PKCS#8 key");
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e + ")", e);
        }
    }
}
