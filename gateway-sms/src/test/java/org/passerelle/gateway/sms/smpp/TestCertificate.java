package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TEST ONLY: a self-signed certificate made by the JDK's keytool in a temporary directory, its key
 * store for the simulator's TLS listener and the certificate as PEM for {@code trustedCertificates}.
 * {@code san} is keytool's subjectAltName, for example {@code dns:localhost} or {@code ip:127.0.0.1}.
 */
public record TestCertificate(Path keyStore, Path pem) {
    private static final char[] PASSWORD = "test-only".toCharArray();

    public static TestCertificate generate(Path dir, String alias, String san) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        Path pem = dir.resolve(alias + ".pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-ext", "SAN=" + san, "-validity", "3650", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                "-file", pem.toString());
        return new TestCertificate(store, pem);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + output);
    }

    /** A server context presenting this certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
