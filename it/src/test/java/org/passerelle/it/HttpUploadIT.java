package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0363 with real clients: Smack discovers {@code upload.localhost}, uploads over the HTTPS web
 * listener (trusting the server's certificate) and shares the GET URL; another user downloads it
 * with java.net.http. Then the HTTP side over real sockets: refusals, the body limit, CORS.
 */
class HttpUploadIT {
    private static final int MAX = 200_000;
    private static ItServer server;
    private static SSLContext tls;
    private static HttpClient https;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("modules: {upload: {maxFileBytes: " + MAX + ", quotaBytes: 300000}}\n");
        tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {server.trustManager()}, null);
        https = HttpClient.newBuilder().sslContext(tls).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void disconnect() {
        open.forEach(XMPPTCPConnection::disconnect);
    }

    private XMPPTCPConnection user(String local) throws Exception {
        server.user(local, local + "-pw");
        XMPPTCPConnection c = server.connect(local, local + "-pw", "laptop");
        open.add(c);
        return c;
    }

    private static HttpFileUploadManager uploads(XMPPTCPConnection c) throws Exception {
        HttpFileUploadManager m = HttpFileUploadManager.getInstanceFor(c);
        m.setTlsContext(tls);
        assertThat(m.discoverUploadService()).isTrue();
        return m;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void smackUploadsAndAnotherUserDownloadsTheSharedUrl() throws Exception {
        XMPPTCPConnection alice = user("alice"), bob = user("bob");
        HttpFileUploadManager manager = uploads(alice);
        assertThat(manager.getDefaultUploadService().getAddress().toString()).isEqualTo("upload.localhost");
        assertThat(manager.getDefaultUploadService().getMaxFileSize()).isEqualTo(MAX);

        byte[] file = random(150_000, 363);
        URL url = manager.uploadFile(new ByteArrayInputStream(file), "holiday photo.jpg", file.length);
        assertThat(url.toString()).startsWith("https://localhost:" + server.server().webPort(true) + "/upload/")
                .endsWith("/holiday%20photo.jpg");

        try (Inbox<Message> inbox = Inbox.messages(bob)) {
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob.getUser().asBareJid()).setBody(url.toString()).build());
            String shared = inbox.next().getBody();
            HttpResponse<byte[]> res = https.send(HttpRequest.newBuilder(URI.create(shared)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo(file);
            // Smack announces application/octet-stream: downloaded as an attachment, never sniffed.
            assertThat(res.headers().firstValue("content-type")).hasValue("application/octet-stream");
            assertThat(res.headers().firstValue("content-disposition")).hasValue("attachment; filename*=UTF-8''holiday%20photo.jpg");
            assertThat(res.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
        }

        // 150 000 stored + 160 000 is over the 300 000 quota.
        assertThatThrownBy(() -> manager.uploadFile(new ByteArrayInputStream(random(160_000, 1)), "more.bin", 160_000))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint));
    }

    @Test
    void theHttpSideRefusesWhatDoesNotFitItsSlot() throws Exception {
        Slot slot = uploads(user("carol")).requestSlot("notes.txt", 5, "text/plain");
        URI put = slot.getPutUrl().toURI();
        String auth = slot.getHeaders().get("Authorization");
        assertThat(send("PUT", put, "hello", Map.of("Content-Type", "text/plain")).statusCode()).as("no token").isEqualTo(403);
        assertThat(send("PUT", put, "hello", Map.of("Authorization", auth + "x", "Content-Type", "text/plain")).statusCode())
                .as("wrong token").isEqualTo(403);
        assertThat(send("PUT", put, "hello!", Map.of("Authorization", auth, "Content-Type", "text/plain")).statusCode())
                .as("bigger than the slot").isEqualTo(413);
        assertThat(send("PUT", put, "hell", Map.of("Authorization", auth, "Content-Type", "text/plain")).statusCode())
                .as("smaller than the slot").isEqualTo(400);
        assertThat(rawPut(put.getRawPath(), auth, "Content-Length: 6", "hello")).as("a body cut short is not stored")
                .doesNotStartWith("HTTP/1.1 2");
        assertThat(send("PUT", put.resolve("/upload/AAAAAAAAAAAAAAAAAAAAAA/notes.txt"), "hello",
                Map.of("Authorization", auth, "Content-Type", "text/plain")).statusCode()).as("no such slot").isEqualTo(404);
        assertThat(send("PUT", put, "x".repeat(MAX + 1), Map.of("Authorization", auth)).statusCode())
                .as("over the file limit: the web listener stops reading").isEqualTo(413);

        assertThat(send("PUT", put, "hello", Map.of("Authorization", auth, "Content-Type", "text/plain")).statusCode()).isEqualTo(201);
        assertThat(send("PUT", put, "hello", Map.of("Authorization", auth, "Content-Type", "text/plain")).statusCode())
                .as("a slot is used once").isEqualTo(409);

        HttpResponse<String> get = send("GET", slot.getGetUrl().toURI(), null, Map.of());
        assertThat(get.body()).isEqualTo("hello");
        assertThat(get.headers().firstValue("content-type")).hasValue("text/plain");
        assertThat(get.headers().firstValue("content-security-policy")).hasValue("default-src 'none'");
        HttpResponse<String> head = send("HEAD", slot.getGetUrl().toURI(), null, Map.of());
        assertThat(head.headers().firstValue("content-length")).hasValue("5");
        assertThat(head.body()).isEmpty();
        for (String path : new String[] {"/upload/AAAAAAAAAAAAAAAAAAAAAA/x", "/upload/..%2f..%2fetc%2fpasswd", "/upload/%2e%2e/%2e%2e/etc/passwd"}) {
            assertThat(send("GET", put.resolve(path), null, Map.of()).statusCode()).as(path).isEqualTo(404);
        }

        HttpResponse<String> preflight = send("OPTIONS", put, null, Map.of("Origin", "https://chat.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET, PUT, HEAD, OPTIONS");
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("Authorization, Content-Type");
    }

    private static HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT over the plain HTTP listener with a Content-Length java.net.http would not send; the client then half-closes. */
    private static String rawPut(String path, String auth, String lengthHeader, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server().webPort(false))) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth + "\r\nContent-Type: text/plain\r\n"
                    + lengthHeader + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
