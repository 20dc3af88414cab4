package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/** Routes that modules mount, served over a real socket: bodies, limits, files, order, failures. */
class ModuleRoutesTest {
    private final TestServer server = new TestServer();
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    private final HttpClient http = HttpClient.newHttpClient();

    ModuleRoutesTest() throws Exception {
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)), loops, loops, "127.0.0.1", 0, false);
        var routes = server.context().http();
        routes.mount("/echo", 280_000, call -> HttpAnswer.of(200, "application/octet-stream", call.body())
                .with("x-method", call.method()).with("x-rest", call.rest("/echo")));
        routes.mount("/slow/", 0, call -> {
            Thread.sleep(Long.parseLong(call.param("ms").orElse("0")));
            return HttpAnswer.text(200, call.path());
        });
        routes.mount("/fails", 0, call -> {
            throw new IllegalStateException("secret detail");
        });
        Path file = Files.createTempFile("route", ".bin");
        Files.write(file, new byte[300_000]);
        routes.mount("/file", 0, call -> HttpAnswer.file("application/octet-stream", file));
        routes.mount("/gone", 0, call -> HttpAnswer.file("application/octet-stream", file.resolveSibling(file.getFileName() + ".missing")));
    }

    @AfterEach
    void stop() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + listener.port() + path);
    }

    @Test
    void aRouteGetsTheWholeBodyUpToItsOwnLimit() throws Exception {
        byte[] body = new byte[200_000]; // over the 64 KiB default, under the route's 256 KiB
        body[199_999] = 7;
        var res = http.send(HttpRequest.newBuilder(at("/echo/a/b")).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(body);
        assertThat(res.headers().firstValue("x-method")).hasValue("PUT");
        assertThat(res.headers().firstValue("x-rest")).hasValue("/a/b");
    }

    @Test
    void aBodyOverTheRouteLimitIs413() throws Exception {
        var res = http.send(HttpRequest.newBuilder(at("/echo")).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(413);
        // A route that takes no body refuses one, even under the listener's default.
        res = http.send(HttpRequest.newBuilder(at("/slow/x")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(413);
    }

    @Test
    void prefixesMatchWholePathSegments() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(at("/echoes")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(at("/echo")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFailingRouteAnswers500WithoutItsDetails() throws Exception {
        var res = http.send(HttpRequest.newBuilder(at("/fails")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(500);
        assertThat(res.body()).doesNotContain("secret");
    }

    @Test
    void aFileIsStreamedAndHeadSendsNoBody() throws Exception {
        var res = http.send(HttpRequest.newBuilder(at("/file")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).hasSize(300_000);
        var head = http.send(HttpRequest.newBuilder(at("/file")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.headers().firstValue("content-length")).hasValue("300000");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedIs404() throws Exception {
        var res = http.send(HttpRequest.newBuilder(at("/gone")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).isEqualTo("404 Not Found\n");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /slow/first?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /slow/second HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /.well-known/host-meta.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(5000);
            String all = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            assertThat(all.indexOf("/slow/first")).isPositive().isLessThan(all.indexOf("/slow/second"));
            assertThat(all.indexOf("/slow/second")).isLessThan(all.indexOf("\"links\""));
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        return in.readAllBytes();
    }
}
