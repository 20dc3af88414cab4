package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/**
 * The bundled web client over a real HTTP listener: the page at /, the Converse.js files with
 * their caching headers, and every way of asking for a file outside the bundle. The bundle tests
 * are skipped (not passed) in a build that could not download Converse.js.
 */
class WebClientTest {
    private final EventLoopGroup loops = EventLoops.create(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private WebListener listener;

    private void start(String yaml) throws InterruptedException {
        server = new TestServer(yaml);
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)), loops, loops, "127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        if (listener != null) listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (server != null) server.close();
    }

    private static StaticAssets bundle() {
        StaticAssets assets = StaticAssets.load(WebClientTest.class.getClassLoader());
        assumeTrue(assets != null, "Converse.js was not bundled in this build (no network at build time)");
        return assets;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> res) {
        return new String(res.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theRootIsOurPageWithSecurityHeaders() throws Exception {
        StaticAssets assets = bundle();
        start("domains: [{name: chat.example, registration: true}, {name: other.example}]\n");
        var res = get("/");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(res.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "frame-ancestors 'none'")
                // As in the running server: the bound listener is the public base of each hosted domain (uploads).
                .contains("img-src 'self' data: blob: http://chat.example:" + listener.port() + "/ http://other.example:" + listener.port() + "/;")
                .doesNotContain(" 'unsafe-eval'", "script-src 'self' 'unsafe-inline'"));
        assertThat(res.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(res.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(res.headers().firstValue("cache-control")).hasValue("no-cache");
        String page = text(res);
        assertThat(page).contains("<script type=\"module\" src=\"/webclient/" + assets.version() + "/converse.min.js\"></script>")
                .contains("<script type=\"module\" src=\"/webclient/passerelle.js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"/webclient/passerelle.css\">")
                .contains("{\"domain\":\"chat.example\",\"registration\":true,\"assets\":\"/webclient/" + assets.version() + "\"}")
                .doesNotContain("http://", "https://", "{{").doesNotContainPattern("<script>");
        var head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length")).hasValue(Integer.toString(res.body().length));
        var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void registrationIsOfferedOnlyWhenTheDomainAllowsItAndTheModuleRuns() throws Exception {
        bundle();
        start("domains: [{name: localhost, registration: true}]\ndisabledModules: [register]\n");
        assertThat(text(get("/"))).contains("\"registration\":false");
    }

    @Test
    void bundledFilesAreCachedForGoodAndGzippedOnRequest() throws Exception {
        StaticAssets assets = bundle();
        start("");
        String js = "/webclient/" + assets.version() + "/converse.min.js";
        var plain = get(js);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(plain.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(plain.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(text(plain)).contains("converse-loaded");
        String etag = plain.headers().firstValue("etag").orElseThrow();

        var gz = get(js, "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("vary")).hasValue("accept-encoding");
        assertThat(gz.body().length).isLessThan(plain.body().length / 2);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(gz.headers().firstValue("etag")).isNotEqualTo(etag);
        assertThat(get(js, "Accept-Encoding", "gzip;q=0").headers().firstValue("content-encoding")).isEmpty();

        var again = get(js, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("etag")).hasValue(etag);
        assertThat(get(js, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        assertThat(get("/webclient/" + assets.version() + "/curve25519_compiled.wasm").headers().firstValue("content-type")).hasValue("application/wasm");
        assertThat(get("/webclient/" + assets.version() + "/webfonts/muli.ttf").headers().firstValue("content-type")).hasValue("font/ttf");
        var german = get("/webclient/" + assets.version() + "/chunkjs/locales/de-LC_MESSAGES-converse-po.js");
        assertThat(german.statusCode()).as("a translation Converse loads on demand").isEqualTo(200);
        assertThat(text(german)).contains("Anmelden");
        var license = get("/webclient/" + assets.version() + "/LICENSE.txt");
        assertThat(text(license)).contains("Mozilla Public License", "2.0");
        var start = get("/webclient/passerelle.js");
        assertThat(start.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(text(start)).contains("converse.initialize");
        var css = get("/webclient/passerelle.css");
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(text(css)).contains("converse-footer .sponsors");
    }

    @Test
    void headAndWrongMethodsOnFiles() throws Exception {
        StaticAssets assets = bundle();
        start("");
        URI css = URI.create("http://127.0.0.1:" + listener.port() + "/webclient/" + assets.version() + "/converse.min.css");
        var head = http.send(HttpRequest.newBuilder(css).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(Integer.parseInt(head.headers().firstValue("content-length").orElseThrow())).isGreaterThan(100_000);
        var put = http.send(HttpRequest.newBuilder(css).PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/webclient/", "/webclient/VERSION/", "/webclient/VERSION/images", "/webclient/VERSION/nothing.js",
        "/webclient/0.0.1/converse.min.js", "/webclient/files.txt", "/webclient/converse/converse.min.js",
        "/webclient/VERSION/converse.min.js.map", "/webclient/VERSION//converse.min.js",
        "/webclient/../pom.xml", "/webclient/VERSION/../../org/passerelle/web/WebClient.class",
        "/webclient/%2e%2e/%2e%2e/etc/passwd", "/webclient/VERSION/%2E%2E/files.txt", "/webclient/VERSION/.%2e/files.txt",
        "/webclient/VERSION/..%2ffiles.txt", "/webclient/VERSION/images%2f..%2f..%2ffiles.txt",
        "/webclient/VERSION/..\\files.txt", "/webclient/VERSION/%5c..%5cfiles.txt", "/webclient/VERSION/images\\favicon.ico",
        "/webclient//etc/passwd", "/webclient/%2fetc%2fpasswd", "/webclient/VERSION/C:/Windows/win.ini",
        "/webclient/VERSION/%00converse.min.js", "/webclient/VERSION/./converse.min.js", "/webclient/./passerelle.js",
    })
    void onlyListedFilesAreServed(String path) throws Exception {
        StaticAssets assets = bundle();
        start("");
        assertThat(rawStatus(path.replace("VERSION", assets.version()))).as(path).isIn(400, 404);
    }

    @Test
    void turnedOffItIsNotFound() throws Exception {
        StaticAssets assets = bundle();
        start("web:\n  client: {enabled: false}\n");
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/webclient/" + assets.version() + "/converse.min.js").statusCode()).isEqualTo(404);
        assertThat(get("/webclient/passerelle.js").statusCode()).isEqualTo(404);
        assertThat(get("/.well-known/host-meta").statusCode()).as("the rest stays").isEqualTo(200);
    }

    @Test
    void plainHttpGoesToHttpsOnlyWhenTlsIsRequiredAndHttpsListens() {
        assertThat(WebClient.redirectsToHttps(false, true, 5443)).isTrue();
        assertThat(WebClient.redirectsToHttps(true, true, 5443)).isFalse();
        assertThat(WebClient.redirectsToHttps(false, false, 5443)).isFalse();
        assertThat(WebClient.redirectsToHttps(false, true, -1)).isFalse();
    }

    @Test
    void acceptEncodingAndIfNoneMatchParsing() {
        assertThat(WebClient.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(WebClient.acceptsGzip("*")).isTrue();
        assertThat(WebClient.acceptsGzip("br;q=1.0, gzip; q=0.000")).isFalse();
        assertThat(WebClient.acceptsGzip("identity")).isFalse();
        assertThat(WebClient.acceptsGzip(null)).isFalse();
        Asset a = Asset.of("a.js", "x".repeat(1000).getBytes(StandardCharsets.UTF_8), Asset.IMMUTABLE);
        assertThat(WebClient.matches("\"nope\", W/" + a.etag(), a)).isTrue();
        assertThat(WebClient.matches(a.gzipEtag(), a)).isTrue();
        assertThat(WebClient.matches("*", a)).isTrue();
        assertThat(WebClient.matches("\"nope\"", a)).isFalse();
    }

    /** The status of a request sent byte for byte, so that no client library normalises the path. */
    private int rawStatus(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
