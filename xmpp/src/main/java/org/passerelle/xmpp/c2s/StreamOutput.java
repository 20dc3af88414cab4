package org.passerelle.xmpp.c2s;

import org.passerelle.xml.Element;

/**
 * What the stream handler and its session write to the channel: the stream's structure, not its
 * text. Each transport encodes it once at the channel's end: TCP as stream text
 * ({@link TcpStreamEncoder}), WebSocket as one RFC 7395 frame per message, BOSH as elements in
 * {@code <body/>} wrappers.
 */
public sealed interface StreamOutput {
    /**
     * Our stream header (RFC 6120 §4.7): always version 1.0, language English; {@code from} is null
     * when the client named no domain we serve.
     */
    record StreamOpen(String from, String id) implements StreamOutput {
    }

    /** A first-level element: a stanza (jabber:client) or a stream-level element (features, SASL, XEP-0198, stream error). */
    record StreamElement(Element element) implements StreamOutput {
    }

    /** The end of our stream ({@code </stream:stream>}). */
    record StreamClose() implements StreamOutput {
    }

    StreamClose CLOSE = new StreamClose();
}
