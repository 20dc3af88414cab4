package org.passerelle.xmpp.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLSession;

/**
 * RFC 5929 {@code tls-server-end-point}: the hash of the server certificate, with the
 * certificate's signature hash (MD5 and SHA-1 upgraded to SHA-256). It works with TLS 1.2 and
 * 1.3 and is what Smack and most clients implement for SCRAM-*-PLUS.
 */
public final class ChannelBindings {
    private ChannelBindings() {
    }

    /** The binding data for the session's local certificate, or null when there is none. */
    public static byte[] tlsServerEndPoint(SSLSession session) {
        Certificate[] local = session.getLocalCertificates();
        if (local == null || local.length == 0 || !(local[0] instanceof X509Certificate cert)) return null;
        try {
            return MessageDigest.getInstance(digestFor(cert.getSigAlgName())).digest(cert.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }

    static String digestFor(String signatureAlgorithm) {
        String alg = signatureAlgorithm.toUpperCase(Locale.ROOT);
        if (alg.startsWith("SHA384")) return "SHA-384";
        if (alg.startsWith("SHA512")) return "SHA-512";
        return "SHA-256";
    }
}
