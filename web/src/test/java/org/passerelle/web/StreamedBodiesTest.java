package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/** A route that takes its bodies in files (as uploads do), over a real socket: contents, limits, clean-up, order. */
class StreamedBodiesTest {
    private static final int LIMIT = 8 << 20;

    @TempDir
    Path incoming;
    @TempDir
    Path kept;
    private final TestServer server = new TestServer();
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    private final HttpClient http = HttpClient.newHttpClient();
    /** What the route saw: the body file's path and whether it was in memory too. */
    private final CopyOnWriteArrayList<HttpCall> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger stored = new AtomicInteger();
    private final CopyOnWriteArrayList<HttpCall> heads = new CopyOnWriteArrayList<>();

    StreamedBodiesTest() throws Exception {
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)), loops, loops, "127.0.0.1", 0, false);
        server.context().http().mount("/up", LIMIT, new HttpRoute() {
            @Override
            public HttpAnswer handle(HttpCall call) throws Exception {
                calls.add(call);
                Thread.sleep(Long.parseLong(call.param("ms").orElse("0")));
                if (call.bodyFile() == null) return HttpAnswer.text(200, "no body");
                if (call.param("refuse").isPresent()) return HttpAnswer.status(403, "Forbidden");
                Files.move(call.bodyFile(), kept.resolve("file" + stored.incrementAndGet()));
                return HttpAnswer.text(201, call.path());
            }

            @Override
            public Path bodyDirectory() {
                return incoming;
            }

            @Override
            public HttpAnswer beforeBody(HttpCall head) {
                heads.add(head);
                return head.param("deny").isPresent() ? HttpAnswer.status(403, "Forbidden").with("x-checked", "head") : null;
            }
        });
        server.context().http().mount("/slow", 0, call -> HttpAnswer.text(200, call.path()));
    }

    @AfterEach
    void stop() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aBodyOfSeveralMebibytesArrivesInAFileWithItsExactBytes() throws Exception {
        byte[] body = random(6 << 20);
        var res = http.send(at("/up/a").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).expectContinue(true).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(201);
        HttpCall call = calls.getFirst();
        assertThat(call.body()).as("not in memory").isEmpty();
        assertThat(call.bodyFile().getParent()).isEqualTo(incoming);
        assertThat(Files.readAllBytes(kept.resolve("file1"))).isEqualTo(body);
        assertThat(entries(incoming)).isZero();
        // Requests without a body still reach the route, as before.
        assertThat(http.send(at("/up/b").build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("no body\n");
    }

    @Test
    void aHeadTheRouteRefusesIsAnsweredAndItsBodyNeverWritten() throws Exception {
        // With Expect: 100-continue the client never sends the body; without, it is read and dropped.
        for (boolean expect : new boolean[] {true, false}) {
            var res = http.send(at("/up/a?deny").PUT(HttpRequest.BodyPublishers.ofByteArray(random(3 << 20))).expectContinue(expect)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(403);
            assertThat(res.headers().firstValue("x-checked")).hasValue("head");
        }
        assertThat(heads).hasSize(2).allSatisfy(h -> {
            assertThat(h.bodyFile()).isNull();
            assertThat(h.body()).isEmpty();
            assertThat(h.header("content-length")).hasValue(Integer.toString(3 << 20));
        });
        assertThat(calls).isEmpty();
        assertThat(entries(incoming)).isZero();
    }

    @Test
    void aBodyTheRouteRefusesIsDeletedAfterIt() throws Exception {
        var res = http.send(at("/up/a?refuse").PUT(HttpRequest.BodyPublishers.ofByteArray(random(300_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(calls.getFirst().bodyFile()).isNotNull();
        awaitEmpty(incoming);
    }

    @Test
    void overTheLimitIs413AndWithoutALength411BeforeTheBodyIsRead() throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.port())) { // the answer comes before any of the body is sent
            s.getOutputStream().write(("PUT /up/a HTTP/1.1\r\nHost: x\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413 ");
            String line;
            boolean close = false;
            while (!(line = in.readLine()).isEmpty()) close |= line.equalsIgnoreCase("connection: close");
            assertThat(close).isTrue();
        }
        // A client that sends its body anyway reads the answer (the body is read and dropped before the close).
        var res = http.send(at("/up/a").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(exchange("PUT /up/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"))
                .startsWith("HTTP/1.1 411 ");
        assertThat(calls).isEmpty();
        assertThat(entries(incoming)).isZero();
    }

    @Test
    void aRefusedBodyIsReadAndDroppedOnlyUpToTheLimitThenTheConnectionCloses() throws Exception {
        long sent = 0;
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            var out = s.getOutputStream();
            out.write(("PUT /up/a HTTP/1.1\r\nHost: x\r\nContent-Length: " + (1L << 30) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 << 10];
            try {
                while (sent < 64L << 20) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (java.io.IOException closedByTheServer) {
                // expected: the server stopped reading a body it refused
            }
        }
        assertThat(sent).as("a 1 GiB body announced: cut off after the limit and 1 MiB (and the socket buffers)")
                .isLessThan(64L << 20);
        assertThat(entries(incoming)).isZero();
    }

    @Test
    void aConnectionDroppedMidBodyLeavesNoFile() throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /up/a HTTP/1.1\r\nHost: x\r\nContent-Length: " + (5 << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(random(2 << 20));
            out.flush();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (entries(incoming) == 0 && System.nanoTime() < until) Thread.sleep(10);
            assertThat(entries(incoming)).as("the body is being written").isEqualTo(1);
        }
        awaitEmpty(incoming);
        assertThat(calls).isEmpty();
    }

    @Test
    void requestsPipelinedAfterAStreamedBodyAreAnsweredInOrder() throws Exception {
        byte[] body = random(2 << 20);
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /up/first?ms=200 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(("GET /slow/second HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "PUT /up/third HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /.well-known/host-meta.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(10_000);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all.indexOf("/up/first")).isPositive().isLessThan(all.indexOf("/slow/second"));
            assertThat(all.indexOf("/slow/second")).isLessThan(all.indexOf("/up/third"));
            assertThat(all.indexOf("/up/third")).isLessThan(all.indexOf("\"links\""));
        }
        assertThat(Files.readAllBytes(kept.resolve("file1"))).isEqualTo(body);
        assertThat(Files.readString(kept.resolve("file2"))).isEqualTo("hello");
    }

    /** Sends a whole request and reads the answer (the connection is closed after a refusal). */
    private String exchange(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long entries(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }

    private static void awaitEmpty(Path dir) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (entries(dir) > 0 && System.nanoTime() < until) Thread.sleep(10);
        assertThat(entries(dir)).as("files left in " + dir).isZero();
    }
}
