package org.passerelle.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;
import org.passerelle.xmpp.c2s.StreamEvent;

/**
 * Parses one WebSocket text frame. The frame is read inside a synthetic stream root whose
 * default namespace is {@code jabber:client}, with the same parser and limits as a TCP stream,
 * so restricted XML and oversized stanzas fail the same way.
 */
final class FrameReader implements XmlStreamListener {
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    private static final byte[] ROOT = ("<stream:stream xmlns='" + Namespaces.CLIENT + "' xmlns:stream='"
            + Namespaces.STREAMS + "'>").getBytes(StandardCharsets.UTF_8);

    private final List<Element> elements = new ArrayList<>(1);
    private boolean closed;

    private FrameReader() {
    }

    /** The event for one frame: a stream header, a stanza or stream element, the end, or a broken stream. */
    static StreamEvent read(String frame, XmlLimits limits) {
        FrameReader r = new FrameReader();
        try {
            XmlStreamParser parser = new XmlStreamParser(limits, r);
            parser.feed(ROOT);
            parser.feed(frame.getBytes(StandardCharsets.UTF_8));
        } catch (XmlStreamException e) {
            return new StreamEvent.Broken(e.condition(), e.getMessage());
        }
        if (r.closed || r.elements.size() != 1) {
            return new StreamEvent.Broken("not-well-formed",
                    "a WebSocket frame must hold exactly one complete XML element (RFC 7395)");
        }
        Element e = r.elements.getFirst();
        if (e.is("open", FRAMING)) return new StreamEvent.Opened(header(e));
        if (e.is("close", FRAMING)) return new StreamEvent.Closed();
        return new StreamEvent.Received(e);
    }

    /** The {@code <stream:stream>} header the c2s handler expects, from an RFC 7395 {@code <open/>}. */
    private static Element header(Element open) {
        Element.Builder b = Element.builder("stream", Namespaces.STREAMS).attr("xmlns", Namespaces.CLIENT);
        for (String name : new String[] {"to", "from", "version", "xml:lang", "id"}) {
            String v = open.attr(name);
            if (v != null) b.attr(name, v);
        }
        return b.build();
    }

    @Override
    public void streamOpened(Element header) {
    }

    @Override
    public void element(Element element) {
        elements.add(element);
    }

    @Override
    public void streamClosed() {
        closed = true;
    }
}
