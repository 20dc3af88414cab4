package org.passerelle.server.portable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.passerelle.xml.Attribute;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;
import org.passerelle.xml.Text;

/**
 * Streams a XEP-0227 file: one {@link Element} per {@code <user/>} at a time, so a file of any
 * size reads in constant memory. DTDs and external entities are refused.
 */
final class PortableReader {
    /** Receives each host and user in file order. */
    interface Handler {
        void host(String domain);

        void user(String domain, Element user);

        /** Anything else directly under the root or a host. */
        void skipped(String where, String what);
    }

    private PortableReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** One element from its XML text (a stored vCard). */
    static Element parse(String xml) {
        try {
            XMLStreamReader r = factory().createXMLStreamReader(new java.io.StringReader(xml));
            r.nextTag();
            return element(r);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("stored XML unreadable: " + e.getMessage(), e);
        }
    }

    static void read(InputStream in, Handler handler) throws XMLStreamException {
        XMLStreamReader r = factory().createXMLStreamReader(in, "UTF-8");
        try {
            r.nextTag();
            if (!"server-data".equals(r.getLocalName()) || !PortableFormat.PIE.equals(r.getNamespaceURI())) {
                throw new XMLStreamException("not a XEP-0227 file: the root must be <server-data xmlns='" + PortableFormat.PIE + "'>");
            }
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (isPie(r, "host")) {
                    String domain = r.getAttributeValue(null, "jid");
                    handler.host(domain);
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (isPie(r, "user")) handler.user(domain, element(r));
                        else handler.skipped("host " + domain, name(element(r)));
                    }
                } else {
                    handler.skipped("server-data", name(element(r)));
                }
            }
        } finally {
            r.close();
        }
    }

    private static boolean isPie(XMLStreamReader r, String name) {
        return name.equals(r.getLocalName()) && PortableFormat.PIE.equals(r.getNamespaceURI());
    }

    static String name(Element e) {
        return "{" + e.namespace() + "}" + e.name();
    }

    /** Reads the element the reader is on, up to and including its end tag. */
    private static Element element(XMLStreamReader r) throws XMLStreamException {
        String ns = r.getNamespaceURI();
        List<Attribute> attrs = new ArrayList<>(r.getAttributeCount());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String prefix = r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            attrs.add(new Attribute(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, r.getAttributeValue(i)));
        }
        String name = r.getLocalName();
        List<Node> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(element(r));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                String text = r.getText();
                if (!children.isEmpty() && children.getLast() instanceof Text t) children.set(children.size() - 1, new Text(t.value() + text));
                else children.add(new Text(text));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Element(name, ns == null ? "" : ns, attrs, withoutIndentation(children));
            }
        }
    }

    /** Whitespace between child elements is layout, not content. */
    private static List<Node> withoutIndentation(List<Node> children) {
        boolean hasElements = children.stream().anyMatch(n -> n instanceof Element);
        if (!hasElements) return children;
        List<Node> out = new ArrayList<>(children.size());
        for (Node n : children) if (!(n instanceof Text t && t.value().isBlank())) out.add(n);
        return out;
    }
}
