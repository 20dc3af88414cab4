package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TEST ONLY: a self-signed certificate made by the JDK's keytool in a temporary directory, its key
 * store for the simulator's TLS listener, the certificate as PEM for {@code trustedCertificates} and its
 * key as PKCS#8 PEM (for a client certificate).
 * {@code san} is keytool's subjectAltName, for example {@code dns:localhost} or {@code ip:127.0.0.1}.
 */
public record TestCertificate(Path keyStore, Path pem, Path keyPem) {
    private static final char[] PASSWORD = "test-only".toCharArray();

    public static TestCertificate generate(Path dir, String alias, String san) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(alias + ".p12");
        Path pem = dir.resolve(alias + ".pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-ext", "SAN=" + san, "-validity", "3650", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                "-file", pem.toString());
        KeyStore keys = load(store);
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getKey(alias, PASSWORD).getEncoded());
        Path keyPem = Files.writeString(dir.resolve(alias + ".key.pem"), "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificate(store, pem, keyPem);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + output);
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    /** A server context presenting this certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        return serverContext(null);
    }

    /** A server context presenting this certificate and trusting {@code client}'s (null: the JDK's trust store). */
    public SSLContext serverContext(TestCertificate client) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(client == null ? null : load(client.keyStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
