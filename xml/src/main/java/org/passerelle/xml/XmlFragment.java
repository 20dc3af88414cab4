package org.passerelle.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one element from XML text that did not come from a stream: a stanza kept in a store, a
 * fixture, a WebSocket frame, a BOSH body. It goes through the same parser as the network, so the
 * same rules and limits apply.
 */
public final class XmlFragment {
    private static final byte[] OPEN = open(null);
    private static final byte[] CLOSE = "</stream:stream>".getBytes(StandardCharsets.UTF_8);

    private XmlFragment() {
    }

    /**
     * Parses exactly one element, written with its namespace declared (as {@link XmlWriter#toXml}
     * writes it); an element without one is in no namespace.
     *
     * @throws XmlStreamException if the text is not exactly one well-formed element within the limits
     */
    public static Element parse(String xml, XmlLimits limits) throws XmlStreamException {
        return parse(xml, OPEN, limits);
    }

    /**
     * As {@link #parse(String, XmlLimits)}, with elements that declare no namespace in
     * {@code defaultNamespace}, as inside a stream whose default it is (a WebSocket frame in
     * {@code jabber:client}).
     */
    public static Element parse(String xml, String defaultNamespace, XmlLimits limits) throws XmlStreamException {
        return parse(xml, open(defaultNamespace), limits);
    }

    private static byte[] open(String defaultNamespace) {
        String ns = defaultNamespace == null ? "" : " xmlns='" + defaultNamespace + "'";
        return ("<stream:stream" + ns + " xmlns:stream='" + XmlStreamParser.STREAM_NS + "'>").getBytes(StandardCharsets.UTF_8);
    }

    private static Element parse(String xml, byte[] open, XmlLimits limits) throws XmlStreamException {
        List<Element> out = new ArrayList<>(1);
        XmlStreamParser parser = new XmlStreamParser(limits, new XmlStreamListener() {
            @Override public void streamOpened(Element header) { }
            @Override public void element(Element element) { out.add(element); }
            @Override public void streamClosed() { }
        });
        parser.feed(open);
        parser.feed(xml.getBytes(StandardCharsets.UTF_8));
        parser.feed(CLOSE);
        if (out.size() != 1 || !parser.isClosed()) {
            throw new XmlStreamException("not-well-formed", "expected one complete element, got " + out.size());
        }
        return out.getFirst();
    }
}
