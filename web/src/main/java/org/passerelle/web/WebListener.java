package org.passerelle.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import org.passerelle.web.admin.Admin;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/**
 * One HTTP or HTTPS listening socket (5280 / 5443 by default). The event loops are shared with
 * the other listeners and owned by the caller; listeners bound with the same {@link Web} share
 * one host-meta view of both ports.
 */
public final class WebListener implements AutoCloseable {
    private final Channel channel;
    private final boolean tls;

    private WebListener(Channel channel, boolean tls) {
        this.channel = channel;
        this.tls = tls;
    }

    /** What the HTTP and HTTPS listeners of one server share. */
    public static final class Web {
        private final WebContext context;

        /** Also mounts the admin API, console and /metrics on the server's HTTP routes (once per server). */
        public Web(C2sContext c2s) {
            this.context = new WebContext(c2s);
            Admin.mount(c2s.server(), c2s.loginFailures());
        }

        /** Whether {@code /} serves the web client: on in the configuration and bundled in this build. */
        public boolean servesClient() {
            return context.client().bundled();
        }
    }

    public static WebListener bind(Web web, EventLoopGroup boss, EventLoopGroup workers, String host, int port, boolean tls)
            throws InterruptedException {
        if (tls && web.context.c2s().ssl() == null) throw new IllegalStateException("HTTPS needs a certificate");
        Channel ch = new ServerBootstrap()
                .group(boss, workers)
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new WebChannelInitializer(web.context, tls))
                .bind(host, port).sync().channel();
        WebListener listener = new WebListener(ch, tls);
        web.context.bound(tls, listener.port());
        return listener;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public boolean tls() {
        return tls;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
