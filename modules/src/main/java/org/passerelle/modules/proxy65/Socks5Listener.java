package org.passerelle.modules.proxy65;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOCKS5 side of the proxy: accepts connections, reads their handshake (bounded by the
 * timeout), parks them in the {@link Rendezvous} until the initiator activates, then relays.
 * Blocking sockets on virtual threads: one per handshake, none while a connection waits, two
 * per active stream.
 */
final class Socks5Listener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Socks5Listener.class);

    private final ServerSocket server;
    private final Proxy65Options options;
    private final Rendezvous<Socket> rendezvous;
    private final Set<Socket> handshaking = ConcurrentHashMap.newKeySet();
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();

    Socks5Listener(Proxy65Options options, ScheduledExecutorService scheduler) throws IOException {
        this.options = options;
        this.rendezvous = new Rendezvous<>(scheduler, Duration.ofSeconds(options.timeoutSeconds()));
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(options.listenHost(), options.port()));
        Thread.ofVirtual().name("proxy65-accept").start(this::acceptLoop);
        LOG.info("SOCKS5 bytestream proxy listening on {}", server.getLocalSocketAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Starts relaying the two connections parked under {@code hash}; false if they are not both there. */
    boolean activate(String hash) {
        Rendezvous.Pair<Socket> pair = rendezvous.activate(hash);
        if (pair == null) return false;
        Relay relay = new Relay(pair.first(), pair.second(), options.maxBytesPerSecond(), options.maxTransferBytes());
        relays.add(relay);
        relay.start(() -> relays.remove(relay));
        return true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (this) { // counted and admitted in one step (see handshake)
                    if (openConnections() >= options.maxConnections()) {
                        LOG.debug("SOCKS5 connection from {} refused: {} connections open", s.getRemoteSocketAddress(), options.maxConnections());
                        Rendezvous.closeQuietly(s);
                        continue;
                    }
                    handshaking.add(s);
                }
                Thread.ofVirtual().name("proxy65-handshake").start(() -> handshake(s));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.debug("accept failed", e);
            }
        }
    }

    int openConnections() {
        return handshaking.size() + rendezvous.waitingConnections() + 2 * relays.size();
    }

    private void handshake(Socket s) {
        String hash = null;
        try {
            s.setSoTimeout(options.timeoutSeconds() * 1000);
            s.setTcpNoDelay(true);
            hash = Socks5Handshake.accept(s.getInputStream(), s.getOutputStream());
            s.setSoTimeout(0);
            boolean joined;
            synchronized (this) { // from handshaking to waiting at once, so the count never sees it twice
                joined = rendezvous.join(hash, s);
                handshaking.remove(s);
            }
            if (!joined) {
                Socks5Handshake.refused(s.getOutputStream());
                throw new IOException("a third connection for one stream");
            }
            Socks5Handshake.connected(s.getOutputStream(), hash);
        } catch (IOException e) {
            LOG.debug("SOCKS5 connection from {} refused: {}", s.getRemoteSocketAddress(), e.getMessage());
            if (hash != null) rendezvous.leave(hash, s);
            Rendezvous.closeQuietly(s);
        } finally {
            handshaking.remove(s);
        }
    }

    @Override
    public void close() {
        Rendezvous.closeQuietly(server);
        rendezvous.closeAll();
        handshaking.forEach(Rendezvous::closeQuietly);
        relays.forEach(Relay::close);
    }
}
