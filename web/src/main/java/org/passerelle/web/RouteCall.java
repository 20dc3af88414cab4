package org.passerelle.web;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a module's route for one request: the request is copied off Netty's buffers on the event
 * loop, the route runs on a worker thread, and the answer is written back on the event loop.
 * A route that fails answers 500 without details (they are logged). A body written to a file
 * ({@link SpooledRequest}) is deleted after the route, unless the route moved it away.
 */
final class RouteCall {
    private static final Logger LOG = LoggerFactory.getLogger(RouteCall.class);
    private static final int CHUNK_BYTES = 8192;

    private RouteCall() {
    }

    /** Calls {@code mount} for {@code req}; {@code done} runs on the event loop once the answer is written out. */
    static void run(ChannelHandlerContext ctx, FullHttpRequest req, HttpRoutes.Mount mount, WebContext web, boolean tls,
                    Runnable done) {
        HttpCall call = call(ctx, req, tls);
        boolean head = req.method().equals(HttpMethod.HEAD);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        web.c2s().server().workers().execute(() -> {
            HttpAnswer answer;
            try {
                answer = mount.route().handle(call);
            } catch (Exception | Error e) {
                LOG.warn("HTTP route {} failed on {} {}", mount.prefix(), call.method(), call.path(), e);
                answer = HttpAnswer.status(500, "Internal Server Error");
            } finally {
                if (call.bodyFile() != null) SpooledRequest.delete(call.bodyFile());
            }
            Ready ready = Ready.open(answer, head); // a file is opened here: opening may block
            ctx.executor().execute(() -> {
                ChannelFuture written = write(ctx, ready, head, keepAlive);
                if (written != null && !keepAlive(ready.answer(), keepAlive)) written.addListener(ChannelFutureListener.CLOSE);
                done.run();
            });
        });
    }

    private static HttpCall call(ChannelHandlerContext ctx, FullHttpRequest req, boolean tls) {
        return call(ctx, req, ByteBufUtil.getBytes(req.content()), req instanceof SpooledRequest s ? s.file : null, tls);
    }

    /** The route's view of a request; {@link BodySpool} asks with the head alone. */
    static HttpCall call(ChannelHandlerContext ctx, HttpRequest req, byte[] body, Path file, boolean tls) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                .add(h.getValue()));
        String host = req.headers().get(HttpHeaderNames.HOST, "localhost");
        InetSocketAddress remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
        return new HttpCall(req.method().name(), uri.path(), uri.parameters(), headers, body, file, remote,
                (tls ? "https://" : "http://") + host, tls);
    }

    private static boolean keepAlive(HttpAnswer a, boolean asked) {
        return asked && a.status() < 400;
    }

    /**
     * An answer ready to be written on the event loop: the file of a download is opened, and its
     * length read, before (on a worker), since file system calls may block. A file that cannot be
     * opened is answered 404.
     */
    record Ready(HttpAnswer answer, FileChannel file, long length) {
        /** Blocking when the answer is a file; for HEAD ({@code sizeOnly}) the file is not opened. */
        static Ready open(HttpAnswer a, boolean sizeOnly) {
            if (a.file() == null) return new Ready(a, null, a.body().length);
            FileChannel file = null;
            try {
                if (sizeOnly) return new Ready(a, null, Files.size(a.file()));
                file = FileChannel.open(a.file(), StandardOpenOption.READ);
                return new Ready(a, file, file.size());
            } catch (IOException e) {
                LOG.warn("cannot read {}", a.file(), e);
                if (file != null) closeQuietly(file);
                return open(HttpAnswer.status(404, "Not Found"), sizeOnly);
            }
        }
    }

    /** Writes the answer; returns the last write (null when nothing was, or the connection is being closed). */
    static ChannelFuture write(ChannelHandlerContext ctx, Ready ready, boolean head, boolean keepAliveAsked) {
        HttpAnswer a = ready.answer();
        FileChannel file = ready.file();
        if (!ctx.channel().isActive()) {
            if (file != null) closeQuietly(file);
            return null;
        }
        boolean keepAlive = keepAlive(a, keepAliveAsked);
        HttpResponse res = file != null || head ? new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(a.status()))
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(a.status()), Unpooled.wrappedBuffer(a.body()));
        a.headers().forEach((k, v) -> res.headers().set(k, v));
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, ready.length());
        res.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ctx.write(res);
        if (file != null) { // never for HEAD: Ready only reads the size then
            try {
                ctx.write(new ChunkedNioFile(file, 0, ready.length(), CHUNK_BYTES)); // the length known: no fstat here
            } catch (IOException e) {
                closeQuietly(file);
                ctx.close();
                return null;
            }
        }
        return res instanceof DefaultFullHttpResponse ? ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
                : ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private static void closeQuietly(FileChannel f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // read-only channel: nothing was written
        }
    }
}
