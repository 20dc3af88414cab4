package org.passerelle.xmpp.c2s;

import org.passerelle.xml.Element;

/**
 * What {@link XmlStreamDecoder} passes up the pipeline to the stream handler; a framed transport
 * (WebSocket) produces the same events from its frames.
 */
public sealed interface StreamEvent {
    record Opened(Element header) implements StreamEvent {
    }

    record Received(Element element) implements StreamEvent {
    }

    record Closed() implements StreamEvent {
    }

    /** The peer broke the XML rules; {@code condition} is the stream error to send. */
    record Broken(String condition, String reason) implements StreamEvent {
    }
}
