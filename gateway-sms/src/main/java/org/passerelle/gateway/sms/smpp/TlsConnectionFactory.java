package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * SMPP over TLS for jSMPP's client session. jSMPP's own {@code SSLSocketConnectionFactory} takes
 * the JDK's default context and never checks the SMSC's host name; this one uses our trust
 * anchors, verifies the host name as HTTPS does (RFC 2818/6125: the certificate's subjectAltName
 * must match the configured host, DNS name or IP address), allows TLS 1.2 and 1.3 only, presents
 * a client certificate when configured, and completes the handshake before jSMPP sends
 * bind_transceiver, so a refused certificate fails the bind with its reason.
 */
public final class TlsConnectionFactory implements ConnectionFactory {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory sockets;
    private final int timeoutMillis;

    private TlsConnectionFactory(SSLSocketFactory sockets, int timeoutMillis) {
        this.sockets = sockets;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A factory trusting the certificates of the PEM file {@code trustedCertificates}, or the
     * JDK's trust store when it is null, and presenting {@code clientCertificate} (a PEM chain)
     * with {@code clientKey} (PKCS#8 PEM) when both are set; {@code timeoutMillis} bounds the TCP
     * connect and the handshake. A bad file is an IllegalArgumentException naming it.
     */
    public static TlsConnectionFactory create(String trustedCertificates, String clientCertificate, String clientKey,
                                              int timeoutMillis) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedCertificates == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore anchors = emptyKeyStore();
                List<X509Certificate> certificates = Pem.certificates(trustedCertificates);
                for (int i = 0; i < certificates.size(); i++) anchors.setCertificateEntry("smsc-" + i, certificates.get(i));
                trust.init(anchors);
            }
            KeyManager[] keys = null;
            if (clientCertificate != null && clientKey != null) {
                KeyStore client = emptyKeyStore();
                char[] none = new char[0];
                client.setKeyEntry("client", Pem.privateKey(clientKey), none,
                        Pem.certificates(clientCertificate).toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(client, none);
                keys = kmf.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return new TlsConnectionFactory(context.getSocketFactory(), timeoutMillis);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(host, port), timeoutMillis);
            // Layered on the connected socket with the configured host: SNI and the name checked.
            SSLSocket tls = (SSLSocket) sockets.createSocket(tcp, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(PROTOCOLS);
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(timeoutMillis);
            tls.startHandshake();
            tls.setSoTimeout(0);
            return new SocketConnection(tls);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }
}
