package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/** The HTTP listener on a real socket, against the core of a test server (no TLS, and none required). */
class WebListenerTest {
    private final TestServer server = new TestServer("tls: {required: false}");
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    private final HttpClient http = HttpClient.newHttpClient();

    WebListenerTest() throws InterruptedException {
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server.context(), null)), loops, loops, "127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
    }

    @Test
    void hostMetaListsTheWebSocketAndBoshEndpoints() throws Exception {
        var xrd = send(at("/.well-known/host-meta"));
        assertThat(xrd.statusCode()).isEqualTo(200);
        assertThat(xrd.body()).contains("<Link rel='urn:xmpp:alt-connections:websocket' href='ws://127.0.0.1:" + listener.port() + "/xmpp-websocket'/>")
                .contains("<Link rel='urn:xmpp:alt-connections:xbosh' href='http://127.0.0.1:" + listener.port() + "/http-bind'/>")
                .doesNotContain("wss://").doesNotContain("https://");
        var json = send(at("/.well-known/host-meta.json"));
        assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json.body()).isEqualTo("{\"links\":[{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"ws://127.0.0.1:"
                + listener.port() + "/xmpp-websocket\"},{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"http://127.0.0.1:"
                + listener.port() + "/http-bind\"}]}");
    }

    @Test
    void whileTlsIsRequiredHostMetaListsNoPlainEndpoint() throws Exception {
        try (TestServer strict = new TestServer()) {
            WebListener plain = WebListener.bind(new WebListener.Web(C2sContext.create(strict.context(), null)), loops, loops, "127.0.0.1", 0, false);
            try {
                var json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/.well-known/host-meta.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(json.body()).as("a client could not log in on ws:// or http://").isEqualTo("{\"links\":[]}");
            } finally {
                plain.close();
            }
        }
    }

    @Test
    void badRequestsGetErrorsAndNoListing() throws Exception {
        var notFound = send(at("/index.html"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("connection")).as("an error closes, and says so").hasValue("close");
        assertThat(send(at("/.well-known/")).statusCode()).isEqualTo(404);
        assertThat(send(at("/../etc/passwd")).statusCode()).isEqualTo(404);
        assertThat(send(at("/.well-known/host-meta").POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(405);
        assertThat(send(at("/xmpp-websocket")).statusCode()).isEqualTo(400); // no upgrade
        // The request limit is the larger of 64 KiB and the stanza limit (BOSH bodies carry stanzas).
        String big = "x".repeat(Math.max(WebChannelInitializer.MAX_REQUEST_BYTES, server.context().config().limits().stanzaBytes()) + 1);
        assertThat(send(at("/.well-known/host-meta").POST(HttpRequest.BodyPublishers.ofString(big))).statusCode()).isEqualTo(413);
    }

    @Test
    void theUpgradeNeedsTheXmppSubprotocol() {
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(uri(), new Frames()).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));
    }

    @Test
    void aStreamOpensWithFeaturesAndAFrameWithTwoStanzasIsAStreamError() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("xmpp").buildAsync(uri(), frames).join();
        assertThat(ws.getSubprotocol()).isEqualTo("xmpp");
        ws.sendText("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='localhost' version='1.0'/>", true).join();
        assertThat(frames.next()).startsWith("<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" from=\"localhost\"");
        assertThat(frames.next()).startsWith("<features xmlns=\"http://etherx.jabber.org/streams\">")
                .contains("SCRAM-SHA-256").doesNotContain("starttls");
        ws.sendText("<presence xmlns='jabber:client'/><presence xmlns='jabber:client'/>", true).join();
        assertThat(frames.next()).contains("<not-well-formed xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
        assertThat(frames.next()).isEqualTo("<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>");
        assertThat(frames.closed.poll(5, TimeUnit.SECONDS)).isTrue();
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.port() + "/xmpp-websocket");
    }

    /** Collects text frames, joined from their parts. */
    private static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                texts.add(part.toString());
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.add(true);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.add(true);
        }

        String next() throws InterruptedException {
            String s = texts.poll(5, TimeUnit.SECONDS);
            assertThat(s).as("a frame within 5 s").isNotNull();
            return s;
        }
    }
}
