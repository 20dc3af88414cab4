package org.passerelle.web.bosh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlFragment;

/**
 * Reads the {@code <body/>} of one BOSH request with the stream parser and the client limits
 * (one more level of depth for the wrapper), so restricted XML and oversized or deeply nested
 * stanzas fail as on TCP. An XML declaration may come first; a DTD may not.
 */
final class BoshBody {
    static final String NS = "http://jabber.org/protocol/httpbind";
    static final String XBOSH = "urn:xmpp:xbosh";
    private static final Pattern DECLARATION = Pattern.compile("\\A\\s*<\\?xml[^?]*\\?>\\s*");
    private static final Pattern UTF8 = Pattern.compile("(?i).*encoding\\s*=\\s*['\"]utf-8['\"].*");
    private static final Pattern SID = Pattern.compile("\\bsid\\s*=\\s*['\"]([0-9a-f]{1,64})['\"]");

    /** What a request held. */
    sealed interface Read {
    }

    /** A {@code <body/>} in the BOSH namespace; its stanzas are in {@code jabber:client}. */
    record Body(Element body) implements Read {
    }

    /**
     * Not a readable body: {@code condition} is the stream error TCP would give; {@code sid} the
     * session the text names, if any, found without parsing.
     */
    record Unreadable(String condition, String reason, String sid) implements Read {
    }

    private BoshBody() {
    }

    static Read read(byte[] content, XmlLimits limits) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte order mark is allowed before the declaration
        Matcher decl = DECLARATION.matcher(text);
        int start = 0;
        if (decl.find()) {
            if (decl.group().contains("encoding") && !UTF8.matcher(decl.group().replace('\n', ' ')).matches()) {
                return unreadable("unsupported-encoding", "BOSH bodies are UTF-8", text);
            }
            start = decl.end();
        }
        if (text.startsWith("<!", skipSpace(text, start))) return unreadable("restricted-xml", "DTDs and comments are not allowed", text);
        Element body;
        try {
            // One more level of depth than a stanza: the wrapper.
            body = XmlFragment.parse(text.substring(start),
                    new XmlLimits(limits.maxStanzaBytes(), limits.maxDepth() + 1, limits.maxAttributes()));
        } catch (XmlStreamException e) {
            return unreadable(e.condition(), e.getMessage(), text);
        }
        if (!body.is("body", NS)) return unreadable("not-well-formed", "a request holds exactly one <body xmlns='" + NS + "'/>", text);
        return new Body(body);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static Unreadable unreadable(String condition, String reason, String text) {
        Matcher m = SID.matcher(text);
        return new Unreadable(condition, reason, m.find() ? m.group(1) : null);
    }

    /** The stanzas and stream elements of a body; children left in the BOSH namespace are client stanzas. */
    static List<Element> payload(Element body) {
        List<Element> out = new ArrayList<>(body.elements().size());
        for (Element e : body.elements()) out.add(NS.equals(e.namespace()) ? inClientNamespace(e) : e);
        return out;
    }

    private static Element inClientNamespace(Element e) {
        Element.Builder b = Element.builder(e.name(), Namespaces.CLIENT);
        for (var a : e.attributes()) b.attr(a.name(), a.value());
        for (var n : e.children()) b.child(n instanceof Element c && NS.equals(c.namespace()) ? inClientNamespace(c) : n);
        return b.build();
    }

    /** An XEP-0206 attribute ({@code xmpp:restart}, {@code xmpp:version}) under whatever prefix the client bound. */
    static String xbosh(Element body, String name) {
        for (var a : body.attributes()) {
            if (a.name().startsWith("xmlns:") && XBOSH.equals(a.value())) {
                String v = body.attr(a.name().substring("xmlns:".length()) + ":" + name);
                if (v != null) return v;
            }
        }
        return null;
    }

    /** A non-negative integer attribute below 2^53 (XEP-0124 §5: rids and times), or -1 when absent or invalid. */
    static long number(Element body, String name) {
        String v = body.attr(name);
        if (v == null || v.isEmpty() || v.length() > 16 || !v.chars().allMatch(Character::isDigit)) return -1;
        long n = Long.parseLong(v);
        return n < (1L << 53) ? n : -1;
    }
}
