package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XMPP over WebSocket (RFC 7395) on the plain HTTP listener: xmpp.js logs in with SCRAM and
 * chats with a Smack user on TCP; host-meta lists the endpoint; a frame with two stanzas is a
 * stream error. TLS is optional here, since ws:// has no TLS and follows the tls.required rule.
 */
class WebSocketIT {
    private static final Path JS = Path.of("src/test/js");
    private static ItServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        XmppJsIT.installNodeModules();
        server = ItServer.start("tls:\n  required: false\n");
        server.user("webuser", "web-rocks");
        server.user("smackweb", "java-rocks");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private String websocketUrl() {
        return "ws://127.0.0.1:" + server.server().webPort(false) + "/xmpp-websocket";
    }

    @Test
    void xmppJsOverWebSocketChatsWithSmackOverTcp() throws Exception {
        XMPPTCPConnection smack = server.connect("smackweb", "java-rocks", "desk");
        LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        AtomicReference<String> metricsMeanwhile = new AtomicReference<>();
        smack.addAsyncStanzaListener(s -> {
            Message m = (Message) s;
            metricsMeanwhile.set(server.server().scrapeMetrics()); // while the WebSocket session is on
            inbox.add(m);
            try {
                smack.sendStanza(smack.getStanzaFactory().buildMessageStanza().to(m.getFrom()).ofType(Message.Type.chat)
                        .setBody("hello from Smack").build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, s -> s instanceof Message m && m.getBody() != null);

        Process node = new ProcessBuilder("node", "--no-warnings", "chat.mjs", websocketUrl(),
                "webuser", "web-rocks", "smackweb@localhost/desk", "hello over WebSocket")
                .directory(JS.toFile()).redirectErrorStream(true).start();
        boolean finished = node.waitFor(30, TimeUnit.SECONDS);
        if (!finished) node.destroyForcibly();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("xmpp.js finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("online as webuser@localhost/xmppjs").contains("received from smackweb@localhost/desk: hello from Smack");
        Message fromWeb = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(fromWeb).isNotNull();
        assertThat(fromWeb.getBody()).isEqualTo("hello over WebSocket");
        assertThat(fromWeb.getFrom().toString()).isEqualTo("webuser@localhost/xmppjs");
        assertThat(metricsMeanwhile.get().lines().filter(l -> l.startsWith("passerelle_sessions{") && l.contains("transport=\"websocket\"")))
                .as("the WebSocket session counted as such").singleElement().satisfies(l -> assertThat(l).endsWith(" 1.0"));
        smack.disconnect();
    }

    @Test
    void hostMetaListsBothWebSocketAndBothBoshEndpoints() throws Exception {
        int https = server.server().webPort(true);
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.server().webPort(false)
                + "/.well-known/host-meta.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"href\":\"wss://localhost:" + https + "/xmpp-websocket\"")
                .contains("\"href\":\"ws://localhost:" + server.server().webPort(false) + "/xmpp-websocket\"")
                .contains("{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"https://localhost:" + https + "/http-bind\"}")
                .contains("{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"http://localhost:" + server.server().webPort(false) + "/http-bind\"}");
        HttpResponse<String> xrd = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.server().webPort(false)
                + "/.well-known/host-meta")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xrd.body()).contains("rel='urn:xmpp:alt-connections:websocket' href='wss://localhost:" + https + "/xmpp-websocket'");
    }

    @Test
    void aFrameWithTwoStanzasIsAStreamError() throws Exception {
        RawWebSocket ws = RawWebSocket.open(http, websocketUrl());
        assertThat(ws.next()).startsWith("<features").contains("<mechanisms");
        ws.send("<iq xmlns='jabber:client' type='get' id='a'/><iq xmlns='jabber:client' type='get' id='b'/>");
        assertThat(ws.next()).startsWith("<error xmlns=\"http://etherx.jabber.org/streams\">")
                .contains("not-well-formed");
        assertThat(ws.next()).isEqualTo("<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>");
    }

    @Test
    void overHttpsTheStreamIsEncryptedWithoutStartTls() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {server.trustManager()}, null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        RawWebSocket ws = RawWebSocket.open(https, "wss://localhost:" + server.server().webPort(true) + "/xmpp-websocket");
        // Features came with the open; TLS from HTTPS means PLAIN and channel binding, and no STARTTLS.
        assertThat(ws.next()).contains("<mechanism>PLAIN</mechanism>")
                .contains("<mechanism>SCRAM-SHA-256-PLUS</mechanism>").doesNotContain("starttls");
    }

    @Test
    void plainWebSocketOffersNoLoginWhenTlsIsRequired() throws Exception {
        try (ItServer strict = ItServer.start()) {
            RawWebSocket ws = RawWebSocket.open(http, "ws://127.0.0.1:" + strict.server().webPort(false) + "/xmpp-websocket");
            String features = ws.next();
            String hostMeta = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.server().webPort(false)
                    + "/.well-known/host-meta.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(hostMeta).as("only the endpoints a client can log in on").contains("wss://").doesNotContain("ws://")
                    .contains("https://").doesNotContain("\"http://");
            assertThat(features).startsWith("<features").doesNotContain("mechanism").doesNotContain("starttls");
        }
    }
}
