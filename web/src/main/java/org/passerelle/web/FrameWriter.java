package org.passerelle.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;
import org.passerelle.xml.XmlWriter;

/**
 * Turns the stream text the c2s handler writes (a {@code <stream:stream>} header, elements in the
 * stream's default namespace, {@code </stream:stream>}) into RFC 7395 frames: {@code <open/>},
 * one namespace-complete element per frame, {@code <close/>}. The text is our own output, so it
 * is re-read with a parser; each header starts a new one (stream restart after SASL).
 */
final class FrameWriter implements XmlStreamListener {
    // Our own output: bounded only so that a bug cannot grow a buffer without end.
    private static final XmlLimits OWN_OUTPUT = new XmlLimits(64 * 1024 * 1024, 1024, 1024);

    private XmlStreamParser parser;
    private final List<String> frames = new ArrayList<>(2);

    /** The frames for a piece of stream text; a piece always ends on an element boundary. */
    List<String> frames(String text) {
        frames.clear();
        if (text.startsWith("<?xml")) parser = new XmlStreamParser(OWN_OUTPUT, this);
        if (parser == null) throw new IllegalStateException("stream text before the stream header: " + text);
        try {
            parser.feed(text.getBytes(StandardCharsets.UTF_8));
        } catch (XmlStreamException e) {
            throw new IllegalStateException("unreadable stream output: " + e.getMessage(), e);
        }
        return List.copyOf(frames);
    }

    @Override
    public void streamOpened(Element header) {
        Element.Builder open = Element.builder("open", FrameReader.FRAMING);
        for (String name : new String[] {"from", "id", "version", "xml:lang"}) {
            String v = header.attr(name);
            if (v != null) open.attr(name, v);
        }
        if (header.attr("version") == null) open.attr("version", "1.0");
        frames.add(XmlWriter.toXml(open.build()));
    }

    @Override
    public void element(Element element) {
        frames.add(XmlWriter.toXml(element));
    }

    @Override
    public void streamClosed() {
        frames.add(XmlWriter.toXml(Element.of("close", FrameReader.FRAMING)));
        parser = null;
    }
}
