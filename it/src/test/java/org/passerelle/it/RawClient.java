package org.passerelle.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A deliberately simple XMPP client over a raw socket, for sending what no real client would:
 * it writes bytes as given and reads everything the server says into one transcript.
 */
final class RawClient implements AutoCloseable {
    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";

    /**
     * How long a blocking call (the TLS handshake) may take on a loaded machine. Reads wait only
     * until their own deadline ({@link #readSome}), so tests that expect silence stay as fast.
     */
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final ItServer server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder transcript = new StringBuilder();
    private int mark;

    RawClient(ItServer server) throws IOException {
        this(server, "127.0.0.1");
    }

    /** Connects from the given loopback address, so that per-address limits can be told apart. */
    RawClient(ItServer server, String sourceAddress) throws IOException {
        this.server = server;
        this.socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), server.port(),
                java.net.InetAddress.getByName(sourceAddress), 0);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    RawClient send(String xml) throws IOException {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Waits until the server has said {@code fragment} since the last expectation; returns what it said. */
    String expect(String fragment) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            int at = transcript.indexOf(fragment, mark);
            if (at >= 0) {
                String said = transcript.substring(mark, at + fragment.length());
                mark = at + fragment.length();
                return said;
            }
            if (System.currentTimeMillis() > deadline || !readSome(deadline)) {
                throw new AssertionError("expected '" + fragment + "' but the server said: " + transcript.substring(mark));
            }
        }
    }

    /** True once the server has closed the connection (reads until end of stream or timeout). */
    boolean closedByServer(long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (!readSome(deadline)) return true;
        }
        return false;
    }

    /** Reads what has come, waiting at most until the deadline; false once the connection is closed. */
    private boolean readSome(long deadline) throws IOException {
        byte[] buf = new byte[8192];
        try {
            socket.setSoTimeout((int) Math.clamp(deadline - System.currentTimeMillis(), 1, SOCKET_TIMEOUT_MILLIS));
            int n = in.read(buf);
            if (n < 0) return false;
            transcript.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            // nothing yet
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /** Opens the stream and upgrades to TLS. */
    RawClient startTls() throws Exception {
        startTlsFeatures();
        return this;
    }

    /** Opens the stream, upgrades to TLS and returns the features offered on the encrypted stream. */
    String startTlsFeatures() throws Exception {
        send(HEADER);
        expect("</stream:features>");
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        expect("<proceed");
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {server.trustManager()}, null);
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost", server.port(), true);
        s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        s.startHandshake();
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        send(HEADER);
        return expect("</stream:features>");
    }

    /** TLS, SASL PLAIN and the stream restart; stops before binding. */
    RawClient authenticate(String user, String password) throws Exception {
        startTls();
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        expect("<success");
        send(HEADER);
        expect("</stream:features>");
        return this;
    }

    /** Authenticates and binds the resource. */
    RawClient login(String user, String password, String resource) throws Exception {
        authenticate(user, password);
        send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        expect("</iq>");
        return this;
    }

    /** The TLS socket after {@link #startTls()}. */
    SSLSocket tlsSocket() {
        return (SSLSocket) socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
