package org.passerelle.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.passerelle.core.http.HttpRoutes;

/**
 * Sets the body limit of each request before it is aggregated: a module's route says how much
 * it accepts (the admin API: a little; a GET-only route: nothing), everything else gets
 * the default limit. A route that takes its bodies in a file gets 0: {@link BodySpool} has taken
 * its requests that carry one.
 * The aggregator is swapped between requests, never while one is being read, and it answers
 * 413 itself (by Content-Length before reading, or when a chunked body outgrows the limit).
 */
final class BodyLimit extends ChannelInboundHandlerAdapter {
    private final HttpRoutes routes;
    private final int defaultLimit;
    private int current;

    BodyLimit(HttpRoutes routes, int defaultLimit) {
        this.routes = routes;
        this.defaultLimit = defaultLimit;
        this.current = defaultLimit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req) {
            int limit = routes.find(new QueryStringDecoder(req.uri()).path())
                    .map(m -> m.route().bodyDirectory() != null ? 0 : m.maxBodyBytes())
                    .orElse(defaultLimit);
            if (limit != current && ctx.pipeline().get("aggregator") != null) {
                ctx.pipeline().replace("aggregator", "aggregator", new HttpObjectAggregator(limit));
                current = limit;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
