package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An RFC 7395 stream driven by hand over the JDK's WebSocket client: one text frame per element. */
final class RawWebSocket {
    static final String OPEN = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='localhost' version='1.0'/>";

    private final WebSocket ws;
    private final BlockingQueue<String> frames;

    private RawWebSocket(WebSocket ws, BlockingQueue<String> frames) {
        this.ws = ws;
        this.frames = frames;
    }

    /** Connects with the {@code xmpp} subprotocol and opens the stream; returns after the server's {@code <open/>}. */
    static RawWebSocket open(HttpClient client, String url) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = client.newWebSocketBuilder().subprotocols("xmpp").buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    frames.add(part.toString());
                    part.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).join();
        RawWebSocket raw = new RawWebSocket(ws, frames);
        raw.reopen();
        return raw;
    }

    /** Sends {@code <open/>} (again, after SASL) and waits for the server's. */
    void reopen() {
        send(OPEN);
        assertThat(next()).startsWith("<open ");
    }

    void send(String frame) {
        ws.sendText(frame, true).join();
    }

    /** The next frame, or a failure after five seconds. */
    String next() {
        try {
            String f = frames.poll(5, TimeUnit.SECONDS);
            assertThat(f).as("a frame from the server within 5 s").isNotNull();
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Drops the connection without closing the stream, as a phone losing its network. */
    void abort() {
        ws.abort();
    }
}
