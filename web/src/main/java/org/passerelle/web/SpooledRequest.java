package org.passerelle.web;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.Future;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.passerelle.core.http.HttpAnswer;
import org.slf4j.LoggerFactory;

/**
 * A request to a route that takes its body in a file ({@link BodySpool}), passed on in order with
 * the other requests: its body is in {@link #file}, or it was refused before its body was read
 * ({@link #refusal}: 411, 413, the route's own answer) or while writing it (500). Whoever handles it deletes the file.
 */
final class SpooledRequest extends DefaultFullHttpRequest {
    final Path file;
    final HttpAnswer refusal;
    /** Of a refusal: done once the rest of its body has been read and dropped, when the connection may close. */
    final Future<?> bodyRead;

    SpooledRequest(HttpRequest head, Path file) {
        this(head, file, null, null);
    }

    SpooledRequest(HttpRequest head, HttpAnswer refusal, Future<?> bodyRead) {
        this(head, null, refusal, bodyRead);
    }

    private SpooledRequest(HttpRequest head, Path file, HttpAnswer refusal, Future<?> bodyRead) {
        super(HttpVersion.HTTP_1_1, head.method(), head.uri(), Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
        setProtocolVersion(head.protocolVersion());
        this.file = file;
        this.refusal = refusal;
        this.bodyRead = bodyRead;
    }

    /** Deletes the body's file, on a worker (file system calls stay off the event loop). */
    void discard(Executor workers) {
        if (file != null) workers.execute(() -> delete(file));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(SpooledRequest.class).warn("cannot delete request body {}", file, e);
        }
    }
}
