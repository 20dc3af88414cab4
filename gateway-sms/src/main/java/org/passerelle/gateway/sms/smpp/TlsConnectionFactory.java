package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
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
 * must match the configured host, DNS name or IP address), allows TLS 1.2 and 1.3 only, and
 * completes the handshake before jSMPP sends bind_transceiver, so a refused certificate fails the
 * bind with its reason.
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
     * JDK's trust store when it is null; {@code timeoutMillis} bounds the TCP connect and the
     * handshake.
     */
    public static TlsConnectionFactory trusting(String trustedCertificates, int timeoutMillis) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedCertificates == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                List<X509Certificate> certificates = certificates(trustedCertificates);
                for (int i = 0; i < certificates.size(); i++) anchors.setCertificateEntry("smsc-" + i, certificates.get(i));
                trust.init(anchors);
            }
            context.init(null, trust.getTrustManagers(), null);
            return new TlsConnectionFactory(context.getSocketFactory(), timeoutMillis);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS context: " + e, e);
        }
    }

    /** The X.509 certificates of a PEM file; an IllegalArgumentException says why there are none. */
    public static List<X509Certificate> certificates(String pemFile) {
        Path path = Path.of(pemFile);
        List<X509Certificate> found;
        try (InputStream in = Files.newInputStream(path)) {
            found = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(pemFile + ": cannot read (" + e + ")", e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pemFile + ": not PEM certificates (" + e.getMessage() + ")", e);
        }
        if (found.isEmpty()) throw new IllegalArgumentException(pemFile + ": no certificate in it");
        return found;
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
