package org.passerelle.web.bosh;

import java.util.List;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;
import org.passerelle.xml.Text;
import org.passerelle.xml.XmlWriter;

/**
 * Writes response {@code <body/>} wrappers. Stanzas carry {@code xmlns='jabber:client'} (XEP-0206
 * §3); stream-level elements (features, errors) use the {@code stream:} prefix declared on the
 * body, as in a TCP stream.
 */
final class BoshResponse {
    private BoshResponse() {
    }

    /** Starts a body; {@code attributes} are name/value pairs already valid as XML names. */
    static StringBuilder open(String... attributes) {
        StringBuilder sb = new StringBuilder(256).append("<body xmlns='").append(BoshBody.NS)
                .append("' xmlns:stream='").append(Namespaces.STREAMS).append('\'');
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            sb.append(' ').append(attributes[i]).append("='");
            XmlWriter.escapeAttr(attributes[i + 1], sb);
            sb.append('\'');
        }
        return sb;
    }

    /** Closes a body started with {@link #open}, with the payload inside. */
    static String close(StringBuilder sb, List<Element> payload) {
        if (payload.isEmpty()) return sb.append("/>").toString();
        sb.append('>');
        for (Element e : payload) write(e, sb);
        return sb.append("</body>").toString();
    }

    /** An empty body: the wait expired, or nothing to say. */
    static String empty() {
        return close(open(), List.of());
    }

    /** XEP-0124 §17.2: the session is over; {@code condition} may be null (a normal end). */
    static String terminate(String condition, List<Element> payload) {
        return close(open("type", "terminate", "condition", condition), payload);
    }

    private static void write(Element e, StringBuilder sb) {
        if (!Namespaces.STREAMS.equals(e.namespace())) {
            XmlWriter.write(e, BoshBody.NS, sb);
            return;
        }
        sb.append("<stream:").append(e.name());
        for (var a : e.attributes()) {
            sb.append(' ').append(a.name()).append("='");
            XmlWriter.escapeAttr(a.value(), sb);
            sb.append('\'');
        }
        sb.append('>');
        for (Node n : e.children()) {
            if (n instanceof Element c) XmlWriter.write(c, Namespaces.STREAMS, sb);
            else XmlWriter.escapeText(((Text) n).value(), sb);
        }
        sb.append("</stream:").append(e.name()).append('>');
    }
}
