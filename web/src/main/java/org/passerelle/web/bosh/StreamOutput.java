package org.passerelle.web.bosh;

import java.nio.charset.StandardCharsets;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/**
 * Reads the stream text the client stream handler writes ({@code <stream:stream>} header,
 * elements, {@code </stream:stream>}) back into elements, which BOSH carries in {@code <body/>}
 * wrappers. The text is our own output, so it is re-read with a parser; each header (the first,
 * and each restart after SASL) starts a new one.
 */
final class StreamOutput implements XmlStreamListener {
    // Our own output: bounded only so that a bug cannot grow a buffer without end.
    private static final XmlLimits OWN_OUTPUT = new XmlLimits(64 * 1024 * 1024, 1024, 1024);

    /** What the stream produced, in order. */
    interface Sink {
        /** A stream header was written; {@code id} is the stream id (XEP-0206 {@code authid}). */
        void header(String id);

        void element(Element element);
    }

    private final Sink sink;
    private XmlStreamParser parser;

    StreamOutput(Sink sink) {
        this.sink = sink;
    }

    /** One piece of stream text; a piece always ends on an element boundary. */
    void write(String text) {
        if (text.startsWith("<?xml")) parser = new XmlStreamParser(OWN_OUTPUT, this);
        if (parser == null) throw new IllegalStateException("stream text before the stream header: " + text);
        try {
            parser.feed(text.getBytes(StandardCharsets.UTF_8));
        } catch (XmlStreamException e) {
            throw new IllegalStateException("unreadable stream output: " + e.getMessage(), e);
        }
    }

    @Override
    public void streamOpened(Element header) {
        sink.header(header.attr("id"));
    }

    @Override
    public void element(Element element) {
        sink.element(element);
    }

    @Override
    public void streamClosed() {
        // The handler closes the channel right after; the session learns the end from that.
        parser = null;
    }
}
