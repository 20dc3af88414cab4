package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.http.HttpRoutes;

/** The spool on an embedded channel, with a worker pool the test runs by hand: back-pressure and order. */
class BodySpoolTest {
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;
    /** Worker tasks, run only when the test says: a disk that is behind. */
    private final ArrayDeque<Runnable> workerTasks = new ArrayDeque<>();
    private final Executor workers = workerTasks::add;

    private EmbeddedChannel channel() {
        HttpRoutes routes = new HttpRoutes(null);
        routes.mount("/up", 64 << 20, new HttpRoute() {
            @Override
            public HttpAnswer handle(HttpCall call) {
                return HttpAnswer.status(200, "OK");
            }

            @Override
            public Path bodyDirectory() {
                return dir;
            }
        });
        return new EmbeddedChannel(new BodySpool(routes, workers, false));
    }

    private static HttpRequest put(long length) {
        HttpRequest req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, "/up/x");
        req.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        return req;
    }

    private void runWorkers() {
        while (!workerTasks.isEmpty()) workerTasks.poll().run();
    }

    @Test
    void readingStopsWhileTheWriterIsBehindAndResumesWhenItCatchesUp() throws Exception {
        EmbeddedChannel ch = channel();
        int chunks = BodySpool.MAX_PENDING / CHUNK + 4;
        ch.writeInbound(put((long) chunks * CHUNK));
        assertThat(ch.config().isAutoRead()).as("while the route checks the head").isFalse();
        runWorkers();
        ch.runPendingTasks();
        for (int i = 0; i < chunks - 1; i++) ch.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[CHUNK])));
        assertThat(ch.config().isAutoRead()).as("over the pending bound").isFalse();
        assertThat((Object) ch.readInbound()).as("nothing passed on mid-body").isNull();

        runWorkers();
        ch.runPendingTasks(); // the writer's reports, on the event loop
        assertThat(ch.config().isAutoRead()).as("written: read again").isTrue();

        ch.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[CHUNK])));
        ch.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/next"));
        assertThat(ch.config().isAutoRead()).as("until its file is finished").isFalse();
        assertThat((Object) ch.readInbound()).as("the GET waits behind the body").isNull();

        runWorkers();
        ch.runPendingTasks();
        SpooledRequest spooled = ch.readInbound();
        assertThat(Files.size(spooled.file)).isEqualTo((long) chunks * CHUNK);
        HttpRequest next = ch.readInbound();
        assertThat(next.uri()).isEqualTo("/next");
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void aCloseDeletesThePartialFileEvenWithChunksQueued() throws Exception {
        EmbeddedChannel ch = channel();
        ch.writeInbound(put(3L * CHUNK));
        runWorkers();
        ch.runPendingTasks();
        ch.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[CHUNK])));
        runWorkers();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        ch.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[CHUNK])));
        ch.close();
        runWorkers();
        ch.runPendingTasks();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat((Object) ch.readInbound()).isNull();
    }
}
