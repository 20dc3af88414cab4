package org.passerelle.xmpp.c2s;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;

/**
 * One listening socket for client connections: STARTTLS on 5222, or direct TLS (XEP-0368) on
 * 5223. The event loops are shared with the other listeners and owned by the caller.
 */
public final class C2sListener implements AutoCloseable {
    private final Channel channel;
    private final boolean directTls;

    private C2sListener(Channel channel, boolean directTls) {
        this.channel = channel;
        this.directTls = directTls;
    }

    public static C2sListener bind(C2sContext c2s, EventLoopGroup boss, EventLoopGroup workers, String host, int port,
                                   boolean directTls) throws InterruptedException {
        if (directTls && c2s.ssl() == null) throw new IllegalStateException("direct TLS needs a certificate");
        Channel ch = new ServerBootstrap()
                .group(boss, workers)
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new C2sChannelInitializer(c2s, directTls))
                .bind(host, port).sync().channel();
        return new C2sListener(ch, directTls);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public boolean directTls() {
        return directTls;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
