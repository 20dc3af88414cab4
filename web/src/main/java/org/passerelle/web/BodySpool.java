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
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.http.HttpRoutes;
import org.slf4j.LoggerFactory;

/**
 * Writes the bodies of requests to routes that take them in a file (an upload) to that file as
 * they arrive, instead of letting the aggregator gather them in memory. The request's
 * Content-Length is checked against the route's limit first (413, or 411 without one, before
 * any of the body is read), then the route's own {@link HttpRoute#beforeBody} check runs on a
 * worker; the chunks then go to a {@link BodyFile} written on a worker, and the request is passed
 * on as a {@link SpooledRequest} once the file is complete.
 *
 * <p>Back-pressure: while more than {@value #MAX_PENDING} bytes are on their way to the disk, while
 * the route checks a request's head, or while the last chunk's file is being finished, the socket
 * is not read. Whatever arrives after
 * a body (pipelined requests) waits here until that body's request has been passed on, so
 * requests stay in order. A connection that closes mid-body (dropped, or its idle timeout) takes
 * its partial file with it. After a refusal the input is dropped and the connection closed once
 * the refused body has been read through: a client still sending gets the answer, not a reset.
 * At most the route's limit and {@link #MAX_PENDING} more is read and dropped so: a client that
 * announces (or streams, chunked) more than that is cut off after it.
 */
final class BodySpool extends ChannelInboundHandlerAdapter {
    static final int MAX_PENDING = 1 << 20;

    private final HttpRoutes routes;
    private final Executor workers;
    private final boolean tls;
    /** Messages read while a head is checked or a body's file finished; read after that, in order. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private HttpRequest head;
    private boolean checking;
    private BodyFile body;
    private boolean bodyComplete;
    private long pending;
    private boolean refused;
    /** What may still be read and dropped of a refused body before the connection closes anyway. */
    private long discardLeft;
    /** Completed when the refused request's body has been read through. */
    private Promise<Void> refusedBodyRead;

    BodySpool(HttpRoutes routes, Executor workers, boolean tls) {
        this.routes = routes;
        this.workers = workers;
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (waiting() || !held.isEmpty()) held.add(msg);
        else read(ctx, msg);
        updateReading(ctx);
    }

    private boolean waiting() {
        return checking || bodyComplete;
    }

    private void read(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            if (msg instanceof HttpContent c) discardLeft -= c.content().readableBytes();
            if ((msg instanceof LastHttpContent || discardLeft < 0) && refusedBodyRead != null) refusedBodyRead.trySuccess(null);
            ReferenceCountUtil.release(msg);
        } else if (body != null) {
            if (msg instanceof HttpContent chunk) append(chunk);
            else ReferenceCountUtil.release(msg); // the decoder gives nothing else mid-body
        } else if (msg instanceof HttpRequest req && !(msg instanceof FullHttpRequest) && req.decoderResult().isSuccess()
                && hasBody(req)) {
            var mount = routes.find(new QueryStringDecoder(req.uri()).path());
            if (mount.isEmpty() || mount.get().route().bodyDirectory() == null) ctx.fireChannelRead(msg);
            else start(ctx, req, mount.get());
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean hasBody(HttpRequest req) {
        return HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    }

    private void start(ChannelHandlerContext ctx, HttpRequest req, HttpRoutes.Mount mount) {
        if (HttpUtil.isTransferEncodingChunked(req) || !HttpUtil.isContentLengthSet(req)) {
            refuse(ctx, req, HttpAnswer.status(411, "Length Required"), true, mount.maxBodyBytes());
            return;
        }
        if (HttpUtil.getContentLength(req, 0L) > mount.maxBodyBytes()) {
            refuse(ctx, req, HttpAnswer.status(413, "Payload Too Large"), true, mount.maxBodyBytes());
            return;
        }
        head = req;
        checking = true;
        HttpRoute route = mount.route();
        long limit = mount.maxBodyBytes();
        var call = RouteCall.call(ctx, req, new byte[0], null, tls);
        workers.execute(() -> {
            HttpAnswer refusal;
            try {
                refusal = route.beforeBody(call);
            } catch (Exception | Error e) {
                LoggerFactory.getLogger(BodySpool.class).warn("HTTP route {} failed on {} {}", mount.prefix(), call.method(), call.path(), e);
                refusal = HttpAnswer.status(500, "Internal Server Error");
            }
            HttpAnswer r = refusal;
            ctx.executor().execute(() -> checked(ctx, req, route.bodyDirectory(), r, limit));
        });
    }

    /** The route has looked at the head: refuse, or write the body (what arrived meanwhile first). */
    private void checked(ChannelHandlerContext ctx, HttpRequest req, Path dir, HttpAnswer refusal, long limit) {
        if (head != req || !checking) return; // the connection closed meanwhile
        checking = false;
        if (refusal != null) {
            head = null;
            refuse(ctx, req, refusal, true, limit);
        } else {
            if (HttpUtil.is100ContinueExpected(req)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
            BodyFile[] self = new BodyFile[1];
            body = self[0] = new BodyFile(dir, workers, ctx.executor(), n -> written(ctx, n), file -> done(ctx, self[0], file));
        }
        replay(ctx);
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
            refuse(ctx, req, HttpAnswer.status(500, "Internal Server Error"), false, 0);
        } else {
            ctx.fireChannelRead(new SpooledRequest(req, file));
        }
        replay(ctx);
    }

    private void replay(ChannelHandlerContext ctx) {
        while (!waiting() && !held.isEmpty()) read(ctx, held.poll());
        updateReading(ctx);
    }

    /**
     * Answered in order by the request handler, which closes the connection after the answer and
     * the rest of the body (none if it was read, or if the client waits for 100 Continue).
     */
    private void refuse(ChannelHandlerContext ctx, HttpRequest req, HttpAnswer answer, boolean bodyAhead, long limit) {
        refused = true;
        discardLeft = limit + MAX_PENDING;
        refusedBodyRead = ctx.executor().newPromise();
        if (!bodyAhead || HttpUtil.is100ContinueExpected(req)) refusedBodyRead.setSuccess(null);
        ctx.fireChannelRead(new SpooledRequest(req, answer, refusedBodyRead));
    }

    private void updateReading(ChannelHandlerContext ctx) {
        boolean read = !waiting() && pending <= MAX_PENDING;
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
        checking = false;
        bodyComplete = false;
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }
}
