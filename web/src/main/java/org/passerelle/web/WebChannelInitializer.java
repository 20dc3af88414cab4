package org.passerelle.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** The pipeline of a new HTTP connection: [TLS] → HTTP codec → bounded aggregator → request handler. */
final class WebChannelInitializer extends ChannelInitializer<Channel> {
    /** Bounds what a client can make us buffer; BOSH bodies may be as large as a stanza (limits.stanzaBytes). */
    static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int REQUEST_TIMEOUT_SECONDS = 30;

    private final WebContext web;
    private final boolean tls;

    WebChannelInitializer(WebContext web, boolean tls) {
        this.web = web;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (tls) ch.pipeline().addLast("tls", web.c2s().ssl().newHandler(ch.alloc()));
        // Until a WebSocket upgrade replaces it: an HTTP connection that stays silent is closed.
        ch.pipeline().addLast("http-timeout", new ReadTimeoutHandler(REQUEST_TIMEOUT_SECONDS));
        ch.pipeline().addLast("http", new HttpServerCodec(4096, 8192, 8192));
        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(Math.max(MAX_REQUEST_BYTES, web.c2s().xmlLimits().maxStanzaBytes())));
        ch.pipeline().addLast("request", new WebRequestHandler(web, tls));
    }
}
