package org.passerelle.web;

import io.netty.buffer.ByteBufUtil;
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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers one HTTP request at a time: the WebSocket upgrade at {@value #WEBSOCKET_PATH}, the two
 * host-meta documents, the web client ({@link WebClient}: {@code /} and {@code /webclient/...}),
 * and errors for anything else (400 malformed, 404 unknown path, 405 wrong method; 413 comes from
 * the aggregator). Nothing is served from the file system.
 */
final class WebRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String WEBSOCKET_PATH = "/xmpp-websocket";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    private final WebContext web;
    private final boolean tls;

    WebRequestHandler(WebContext web, boolean tls) {
        this.web = web;
        this.tls = tls;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, null, null);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        switch (path) {
            case WEBSOCKET_PATH -> WebSocketUpgrade.upgrade(ctx, req, web, tls);
            case "/.well-known/host-meta" -> hostMeta(ctx, req, false);
            case "/.well-known/host-meta.json" -> hostMeta(ctx, req, true);
            case "/" -> web.client().index(ctx, req, host(req), web.httpsPort(), tls);
            case String p when p.startsWith(StaticAssets.PREFIX) -> web.client().asset(ctx, req, p);
            default -> respond(ctx, req, HttpResponseStatus.NOT_FOUND, null, null);
        }
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
        List<String> urls = HostMeta.endpoints(host(req), web.httpPort(), web.httpsPort());
        if (json) respond(ctx, req, HttpResponseStatus.OK, "application/json", HostMeta.json(urls));
        else respond(ctx, req, HttpResponseStatus.OK, "application/xrd+xml; charset=utf-8", HostMeta.xrd(urls));
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
        boolean keepAlive = res.status().code() < 400 && HttpUtil.isKeepAlive(req);
        // Say so when closing: HTTP/1.1 keeps connections by default, and a client that reuses one we
        // close races the close and gets a reset instead of its next answer.
        res.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) f.addListener(ChannelFutureListener.CLOSE);
    }
}
