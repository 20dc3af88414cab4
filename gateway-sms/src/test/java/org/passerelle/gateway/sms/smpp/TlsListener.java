package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;
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

    public TlsListener(SSLContext context) {
        this.context = context;
    }

    public void use(SSLContext context) {
        this.context = context;
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
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(port, backlog);
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
    }
}
