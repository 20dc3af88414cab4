package org.passerelle.xmpp.c2s;

import org.passerelle.xml.Element;

/** What {@link XmlStreamDecoder} passes up the pipeline. */
sealed interface StreamEvent {
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
