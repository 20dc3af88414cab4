package org.passerelle.web;

import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;
import org.passerelle.xmpp.c2s.StreamOutput;

/**
 * The RFC 7395 frame for one message of the client stream handler: its stream header becomes
 * {@code <open/>}, each element one namespace-complete element, the end of its stream {@code <close/>}.
 */
final class FrameWriter {
    private static final String CLOSE = XmlWriter.toXml(Element.of("close", FrameReader.FRAMING));

    private FrameWriter() {
    }

    static String frame(StreamOutput msg) {
        return switch (msg) {
            case StreamOutput.StreamOpen o -> open(o);
            case StreamOutput.StreamElement e -> XmlWriter.toXml(e.element());
            case StreamOutput.StreamClose c -> CLOSE;
        };
    }

    private static String open(StreamOutput.StreamOpen o) {
        Element.Builder open = Element.builder("open", FrameReader.FRAMING);
        if (o.from() != null) open.attr("from", o.from());
        if (o.id() != null) open.attr("id", o.id());
        open.attr("version", "1.0").attr("xml:lang", "en");
        return XmlWriter.toXml(open.build());
    }
}
