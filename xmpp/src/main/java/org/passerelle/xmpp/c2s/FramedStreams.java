package org.passerelle.xmpp.c2s;

import io.netty.channel.ChannelHandler;

/**
 * Entry point for transports that frame the stream themselves (RFC 7395 WebSocket, BOSH): they parse
 * each frame into {@link StreamEvent}s and send them up to this handler, and encode the {@link
 * StreamOutput} it writes into their own frames. SASL, binding, limits and stream management are
 * the TCP ones.
 */
public final class FramedStreams {
    private FramedStreams() {
    }

    /** The client stream handler of a WebSocket, without STARTTLS; {@code tls} says whether the transport is encrypted. */
    public static ChannelHandler streamHandler(C2sContext c2s, boolean tls) {
        return streamHandler(c2s, tls, "websocket");
    }

    /** The same for another framed transport, whose sessions are counted under its own metrics tag ("bosh"). */
    public static ChannelHandler streamHandler(C2sContext c2s, boolean tls, String transport) {
        return new C2sStreamHandler(c2s, null, tls, false, transport);
    }
}
