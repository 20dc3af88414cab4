package org.passerelle.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.server.DataDirectory;
import org.passerelle.server.PasserelleServer;

/**
 * The real server on free ports with a fresh data directory (SQLite, self-signed certificate),
 * and Smack connections that trust exactly that certificate. {@link #restart()} keeps the data.
 */
final class ItServer implements AutoCloseable {
    private static final String BASE = """
            listeners:
              c2s: {host: 127.0.0.1, port: 0}
              c2sDirectTls: {host: 127.0.0.1, port: 0}
              http: {host: 127.0.0.1, port: 0}
              https: {host: 127.0.0.1, port: 0}
            """;

    private final Path dataDir;
    private final ServerConfig config;
    private PasserelleServer server;

    private ItServer(Path dataDir, ServerConfig config) throws Exception {
        this.dataDir = dataDir;
        this.config = config;
        this.server = PasserelleServer.start(config, DataDirectory.open(dataDir));
    }

    static ItServer start() throws Exception {
        return start("");
    }

    /** Starts with the base config plus extra YAML sections (top-level keys other than listeners). */
    static ItServer start(String extraYaml) throws Exception {
        return start(Files.createTempDirectory("passerelle-it"), extraYaml);
    }

    /** Starts on a given data directory, e.g. to prepare accounts for a {@link ServerProcess}. */
    static ItServer start(Path dataDir, String extraYaml) throws Exception {
        return new ItServer(dataDir, ConfigLoader.parse(BASE + extraYaml, "it"));
    }

    PasserelleServer server() {
        return server;
    }

    int port() {
        return server.c2sPort();
    }

    int directTlsPort() {
        return server.directTlsPort();
    }

    Path dataDir() {
        return dataDir;
    }

    /** Stops and starts the server on the same data directory (new ports). */
    void restart() throws Exception {
        server.close();
        server = PasserelleServer.start(config, DataDirectory.open(dataDir));
    }

    /** Creates an account on localhost. */
    EntityBareJid user(String localpart, String password) {
        EntityBareJid jid = Jids.of(localpart + "@localhost").asEntityBareJidIfPossible();
        server.context().accounts().create(jid, password, false);
        return jid;
    }

    XMPPTCPConnectionConfiguration.Builder clientConfig(String localpart, String password) throws Exception {
        return clientConfig(dataDir, port(), localpart, password);
    }

    /** STARTTLS to 127.0.0.1:port for localhost, trusting the certificate in {@code dataDir}. */
    static XMPPTCPConnectionConfiguration.Builder clientConfig(Path dataDir, int port, String localpart, String password)
            throws Exception {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setHost("127.0.0.1")
                .setPort(port)
                .setUsernameAndPassword(localpart, password)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager(dataDir))
                .setHostnameVerifier((host, session) -> true)
                .setSendPresence(true);
    }

    /** A connected, authenticated Smack connection with STARTTLS and SCRAM. */
    XMPPTCPConnection connect(String localpart, String password, String resource) throws Exception {
        XMPPTCPConnection c = connection(localpart, password, resource);
        c.connect().login();
        return c;
    }

    /** A connection not yet connected, for settings that must come first (stream management, roster store). */
    XMPPTCPConnection connection(String localpart, String password, String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(clientConfig(localpart, password).setResource(resource).build());
        c.setReplyTimeout(5000);
        return c;
    }

    /** Trusts the server's own self-signed certificate and nothing else. */
    X509TrustManager trustManager() throws Exception {
        return trustManager(dataDir);
    }

    static X509TrustManager trustManager(Path dataDir) throws Exception {
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(dataDir.resolve("tls-cert.pem"))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("passerelle", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
