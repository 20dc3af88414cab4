package org.passerelle.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.passerelle.core.http.HttpRoutes;

/**
 * Writes the bodies of requests to routes that take them in a file (an upload) to that file as
 * they arrive, instead of letting the aggregator gather them in memory. The request's
 * Content-Length is checked against the route's limit first (413, or 411 without one, before
 * any of the body is read); the chunks then go to a {@link BodyFile} written on a worker, and the
 * request is passed on as a {@link SpooledRequest} once the file is complete.
 *
 * <p>Back-pressure: while more than {@value #MAX_PENDING} bytes are on their way to the disk, or
 * while the last chunk's file is being finished, the socket is not read. Whatever arrives after
 * a body (pipelined requests) waits here until that body's request has been passed on, so
 * requests stay in order. A connection that closes mid-body (dropped, or its idle timeout) takes
 * its partial file with it. After a refusal the input is dropped and the connection closed once
 * the refused body has been read through: a client still sending gets the answer, not a reset.
 */
final class BodySpool extends ChannelInboundHandlerAdapter {
    static final int MAX_PENDING = 1 << 20;

    private final HttpRoutes routes;
    private final Executor workers;
    /** Messages read while a body's file is being finished; passed on (or spooled) after it. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private HttpRequest head;
    private BodyFile body;
    private boolean bodyComplete;
    private long pending;
    private boolean refused;
    /** Completed when the refused request's body has been read through. */
    private Promise<Void> refusedBodyRead;

    BodySpool(HttpRoutes routes, Executor workers) {
        this.routes = routes;
        this.workers = workers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (bodyComplete || !held.isEmpty()) held.add(msg);
        else read(ctx, msg);
        updateReading(ctx);
    }

    private void read(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            if (msg instanceof LastHttpContent && refusedBodyRead != null) refusedBodyRead.trySuccess(null);
            ReferenceCountUtil.release(msg);
        } else if (body != null) {
            if (msg instanceof HttpContent chunk) append(chunk);
            else ReferenceCountUtil.release(msg); // the decoder gives nothing else mid-body
        } else if (msg instanceof HttpRequest req && !(msg instanceof FullHttpRequest) && req.decoderResult().isSuccess()
                && hasBody(req)) {
            var mount = routes.find(new QueryStringDecoder(req.uri()).path());
            Path dir = mount.map(m -> m.route().bodyDirectory()).orElse(null);
            if (dir == null) ctx.fireChannelRead(msg);
            else start(ctx, req, dir, mount.get().maxBodyBytes());
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean hasBody(HttpRequest req) {
        return HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    }

    private void start(ChannelHandlerContext ctx, HttpRequest req, Path dir, int limit) {
        if (HttpUtil.isTransferEncodingChunked(req) || !HttpUtil.isContentLengthSet(req)) {
            refuse(ctx, req, HttpResponseStatus.LENGTH_REQUIRED, true);
            return;
        }
        if (HttpUtil.getContentLength(req, 0L) > limit) {
            refuse(ctx, req, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, true);
            return;
        }
        if (HttpUtil.is100ContinueExpected(req)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        head = req;
        BodyFile[] self = new BodyFile[1];
        body = self[0] = new BodyFile(dir, workers, ctx.executor(), n -> written(ctx, n), file -> done(ctx, self[0], file));
    }

    private void append(HttpContent chunk) {
        pending += chunk.content().readableBytes();
        body.write(chunk.content()); // the chunk's buffer goes to the writer, which releases it
        if (chunk instanceof LastHttpContent) {
            bodyComplete = true;
            body.finish();
        }
    }

    private void written(ChannelHandlerContext ctx, int n) {
        pending -= n;
        updateReading(ctx);
    }

    /** The body's file is complete (null: it could not be written): pass the request on, then what waited behind it. */
    private void done(ChannelHandlerContext ctx, BodyFile finished, Path file) {
        if (body != finished) { // the connection closed meanwhile; the abort deletes the file
            return;
        }
        HttpRequest req = head;
        head = null;
        body = null;
        bodyComplete = false;
        if (file == null) {
            refuse(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, false);
        } else {
            ctx.fireChannelRead(new SpooledRequest(req, file));
        }
        while (!bodyComplete && !held.isEmpty()) read(ctx, held.poll());
        updateReading(ctx);
    }

    /**
     * Answered in order by the request handler, which closes the connection after the answer and
     * the rest of the body (none if it was read, or if the client waits for 100 Continue).
     */
    private void refuse(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status, boolean bodyAhead) {
        refused = true;
        refusedBodyRead = ctx.executor().newPromise();
        if (!bodyAhead || HttpUtil.is100ContinueExpected(req)) refusedBodyRead.setSuccess(null);
        ctx.fireChannelRead(new SpooledRequest(req, status, refusedBodyRead));
    }

    private void updateReading(ChannelHandlerContext ctx) {
        boolean read = !bodyComplete && pending <= MAX_PENDING;
        if (ctx.channel().config().isAutoRead() != read) ctx.channel().config().setAutoRead(read);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        drop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        drop();
    }

    private void drop() {
        if (body != null) body.abort();
        body = null;
        head = null;
        bodyComplete = false;
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }
}
