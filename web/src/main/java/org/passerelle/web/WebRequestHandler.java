package org.passerelle.web;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;
import org.passerelle.web.bosh.BoshEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP request at a time: the WebSocket upgrade at {@value #WEBSOCKET_PATH}, BOSH at
 * {@value BoshEndpoint#PATH} (answered later when held), the two host-meta documents, the web
 * client ({@link WebClient}: {@code /} and {@code /webclient/...}), the routes modules mounted (see
 * {@link RouteCall}), and errors for anything else (400 malformed, 404 unknown path, 405 wrong
 * method; 413 comes from the aggregator or {@link BodySpool}). Requests that a client pipelines while a route is
 * running wait, so answers keep their order.
 */
final class WebRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String WEBSOCKET_PATH = "/xmpp-websocket";
    private static final Logger LOG = LoggerFactory.getLogger(WebRequestHandler.class);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    /** Pipelined requests kept while a route runs; a client that sends more is cut off. */
    private static final int MAX_QUEUED = 4;

    private final WebContext web;
    private final boolean tls;
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    private boolean routeRunning;

    WebRequestHandler(WebContext web, boolean tls) {
        this.web = web;
        this.tls = tls;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (routeRunning) {
            if (queued.size() >= MAX_QUEUED) ctx.close();
            else queued.add(req.retain());
            return;
        }
        handle(ctx, req);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, null, null);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        switch (path) {
            case WEBSOCKET_PATH -> WebSocketUpgrade.upgrade(ctx, req, web, tls);
            case BoshEndpoint.PATH -> web.bosh().handle(ctx, req, tls);
            case "/.well-known/host-meta" -> hostMeta(ctx, req, false);
            case "/.well-known/host-meta.json" -> hostMeta(ctx, req, true);
            case "/" -> web.client().index(ctx, req, host(req), web.httpsPort(), tls);
            case String p when p.startsWith(StaticAssets.PREFIX) -> asset(ctx, req, p);
            default -> route(ctx, req, path);
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
        var mount = web.c2s().server().http().find(path);
        if (mount.isEmpty()) {
            if (req instanceof SpooledRequest s) s.discard(web.c2s().server().workers()); // unmounted meanwhile
            respond(ctx, req, HttpResponseStatus.NOT_FOUND, null, null);
            return;
        }
        if (req instanceof SpooledRequest s && s.refusal != null) {
            refuse(ctx, s);
            return;
        }
        routeRunning = true;
        RouteCall.run(ctx, req, mount.get(), web, tls, () -> resume(ctx));
    }

    /**
     * A request {@link BodySpool} refused: the connection closes after the answer and the rest of
     * the body, so that a client still sending reads the answer instead of a reset.
     */
    private static void refuse(ChannelHandlerContext ctx, SpooledRequest req) {
        ChannelFuture written = RouteCall.write(ctx, RouteCall.Ready.open(req.refusal, false), false, false); // in memory: nothing to open
        if (written != null) written.addListener(w -> req.bodyRead.addListener(read -> ctx.close()));
    }

    /**
     * A web client file: a file not read yet is read from the jar (and compressed) on a worker,
     * never on the event loop; then, as for the ones in memory, answered here.
     */
    private void asset(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
        WebClient client = web.client();
        if (!client.needsLoading(path)) {
            client.asset(ctx, req, path);
            return;
        }
        routeRunning = true;
        req.retain();
        web.c2s().server().workers().execute(() -> {
            try {
                client.load(path);
            } catch (RuntimeException e) { // answered 500 below: the file is still not in memory
                LOG.warn("cannot read web client file {}", path, e);
            }
            ctx.executor().execute(() -> {
                try {
                    if (ctx.channel().isActive()) {
                        if (client.needsLoading(path)) respond(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, null, null);
                        else client.asset(ctx, req, path);
                    }
                } finally {
                    req.release();
                }
                resume(ctx);
            });
        });
    }

    /** After work off the event loop: the requests the client pipelined meanwhile, in order. */
    private void resume(ChannelHandlerContext ctx) {
        routeRunning = false;
        while (!routeRunning && !queued.isEmpty()) {
            FullHttpRequest next = queued.poll();
            try {
                if (ctx.channel().isActive()) handle(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queued.forEach(r -> {
            if (r instanceof SpooledRequest s) s.discard(web.c2s().server().workers());
            r.release();
        });
        queued.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A silent connection (ReadTimeoutHandler), a TLS failure or a reset: nothing to answer.
        ctx.close();
    }

    private void hostMeta(ChannelHandlerContext ctx, FullHttpRequest req, boolean json) {
        if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
            respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null);
            return;
        }
        List<HostMeta.Link> links = HostMeta.endpoints(host(req), web.httpPort(), web.httpsPort(),
                web.c2s().server().config().tls().required());
        if (json) respond(ctx, req, HttpResponseStatus.OK, "application/json", HostMeta.json(links));
        else respond(ctx, req, HttpResponseStatus.OK, "application/xrd+xml; charset=utf-8", HostMeta.xrd(links));
    }

    /** The host the client used, when it is a plain name; else the first hosted domain. */
    private String host(FullHttpRequest req) {
        String h = req.headers().get(HttpHeaderNames.HOST);
        if (h != null) {
            int colon = h.lastIndexOf(':');
            if (colon > 0) h = h.substring(0, colon);
            if (HOST.matcher(h).matches()) return h;
        }
        return web.c2s().server().domains().all().iterator().next().toString();
    }

    static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type, String body) {
        String text = body != null ? body : status.code() + " " + status.reasonPhrase() + "\n";
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ByteBufUtil.writeUtf8(ctx.alloc(), req.method().equals(HttpMethod.HEAD) ? "" : text));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type != null ? type : "text/plain; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) res.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        if (body != null) res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*"); // XEP-0156 §3: readable cross-origin
        send(ctx, req, res);
    }

    /** Writes a complete answer; an error answer closes the connection. */
    static void send(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse res) {
        send(ctx, res, HttpUtil.isKeepAlive(req));
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAliveAsked) {
        boolean keepAlive = res.status().code() < 400 && keepAliveAsked;
        // Say so when closing: HTTP/1.1 keeps connections by default, and a client that reuses one we
        // close races the close and gets a reset instead of its next answer.
        res.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) f.addListener(ChannelFutureListener.CLOSE);
    }
}
