package org.passerelle.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;

/**
 * The pipeline of a new HTTP connection: [TLS] → HTTP codec → bodies to files for the routes that
 * take them so ({@link BodySpool}) → bounded aggregator → request handler.
 */
final class WebChannelInitializer extends ChannelInitializer<Channel> {
    /** The body limit of requests to no module route (BOSH bodies may reach limits.stanzaBytes); a route may ask for more (see {@link BodyLimit}). */
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
        int defaultLimit = Math.max(MAX_REQUEST_BYTES, web.c2s().xmlLimits().maxStanzaBytes());
        if (tls) ch.pipeline().addLast("tls", web.c2s().ssl().newHandler(ch.alloc()));
        // Until a WebSocket upgrade replaces it: an HTTP connection that stays silent is closed.
        ch.pipeline().addLast("http-timeout", new ReadTimeoutHandler(REQUEST_TIMEOUT_SECONDS));
        ch.pipeline().addLast("http", new HttpServerCodec(4096, 8192, 8192));
        ch.pipeline().addLast("body-spool", new BodySpool(web.c2s().server().http(), web.c2s().server().workers(), tls));
        ch.pipeline().addLast("body-limit", new BodyLimit(web.c2s().server().http(), defaultLimit));
        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(defaultLimit));
        ch.pipeline().addLast("chunked", new ChunkedWriteHandler()); // file downloads (RouteCall)
        ch.pipeline().addLast("request", new WebRequestHandler(web, tls));
    }
}
