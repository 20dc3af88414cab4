package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * The simulator's TLS listener: jSMPP's {@code SSLServerSocketConnectionFactory} only takes the
 * JDK's default context. The context can be changed between {@link SmscSimulator#stop()} and
 * {@link SmscSimulator#start()} (an SMSC that replaces its certificate).
 */
public final class TlsListener implements ServerConnectionFactory {
    private volatile SSLContext context;
    private volatile boolean needClientAuth;

    public TlsListener(SSLContext context) {
        this.context = context;
    }

    public void use(SSLContext context) {
        this.context = context;
    }

    /** From the next {@link SmscSimulator#start()}: a client without a certificate its context trusts is refused. */
    public void requireClientCertificates() {
        this.needClientAuth = true;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, backlog);
        socket.setNeedClientAuth(needClientAuth);
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
    }
}
