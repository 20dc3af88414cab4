package org.passerelle.web.bosh;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One HTTP request waiting for its answer. Holding it costs no thread: the connection's context
 * is kept and written to later, from any thread. The connection keeps reading meanwhile, so that
 * a client that goes away (a page reload) is noticed: its request is then {@linkplain #gone() gone}.
 */
final class BoshExchange {
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final int requestBytes;
    private boolean answered;

    /** @param requestBytes the size of the request's body (data volume billing counts it) */
    BoshExchange(ChannelHandlerContext ctx, boolean keepAlive, int requestBytes) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.requestBytes = requestBytes;
    }

    int requestBytes() {
        return requestBytes;
    }

    /** Answers with a body; later calls do nothing. Called on the session's event loop. Returns the body's size in bytes (0: not sent). */
    int send(String body) {
        return send(HttpResponseStatus.OK, CONTENT_TYPE, body);
    }

    int send(HttpResponseStatus status, String type, String body) {
        if (answered) return 0;
        answered = true;
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, ByteBufUtil.writeUtf8(ctx.alloc(), body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        BoshEndpoint.cors(res);
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) res.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, POST, OPTIONS");
        boolean keep = keepAlive && status.code() < 400;
        res.headers().set(HttpHeaderNames.CONNECTION, keep ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        int size = res.content().readableBytes();
        var f = ctx.writeAndFlush(res);
        if (!keep) f.addListener(ChannelFutureListener.CLOSE);
        return size;
    }

    /** The client gave up on this request (it sent the same rid on another connection). */
    void abandon() {
        if (answered) return;
        answered = true;
        ctx.close();
    }

    /** The client closed the connection before the answer: nobody would read it. */
    boolean gone() {
        return !ctx.channel().isActive();
    }
}
