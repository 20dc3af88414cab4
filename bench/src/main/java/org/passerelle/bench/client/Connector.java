package org.passerelle.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Opens client connections on a few event-loop threads, from a rotation of local source addresses
 * (each 127.0.0.x has its own ~28k ephemeral ports). TLS trusts any certificate: the tool only
 * talks to servers on this machine.
 */
public final class Connector implements AutoCloseable {
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext ssl;
    private final List<InetAddress> sources;
    private final AtomicInteger next = new AtomicInteger();

    public Connector(int threads, List<InetAddress> sources) {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        this.sources = List.copyOf(sources);
        try {
            this.ssl = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts one connection; its outcome reaches {@code listener}. */
    public XmppClient connect(ClientConfig config, int index, String user, String password, ClientListener listener) {
        XmppClient client = new XmppClient(config, ssl, index, user, password, listener);
        InetSocketAddress remote = new InetSocketAddress(config.host(), config.port());
        ChannelFuture f;
        if (sources.isEmpty()) {
            f = bootstrap.clone().handler(client).connect(remote);
        } else {
            InetAddress local = sources.get(Math.floorMod(next.getAndIncrement(), sources.size()));
            f = bootstrap.clone().handler(client).connect(remote, new InetSocketAddress(local, 0));
        }
        f.addListener(done -> {
            if (!done.isSuccess()) client.connectFailed(done.cause());
        });
        return client;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
