package org.passerelle.web;

import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xmpp.c2s.StreamEvent;

/**
 * Parses one WebSocket text frame as one element in a stream whose default namespace is
 * {@code jabber:client} ({@link XmlFragment}: the same parser and limits as a TCP stream), so
 * restricted XML and oversized stanzas fail the same way.
 */
final class FrameReader {
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";

    private FrameReader() {
    }

    /** The event for one frame: a stream header, a stanza or stream element, the end, or a broken stream. */
    static StreamEvent read(String frame, XmlLimits limits) {
        Element e;
        try {
            e = XmlFragment.parse(frame, Namespaces.CLIENT, limits);
        } catch (XmlStreamException ex) {
            return new StreamEvent.Broken(ex.condition(),
                    "a WebSocket frame must hold exactly one complete XML element (RFC 7395): " + ex.getMessage());
        }
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
}
