package org.passerelle.xml;

/**
 * Serialises elements to XML text. A child in its parent's namespace is written without an
 * {@code xmlns}; any other namespace is declared as the default namespace on that element.
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    /** The element with its namespace declared, as a standalone fragment. */
    public static String toXml(Element e) {
        StringBuilder sb = new StringBuilder(128);
        write(e, null, sb);
        return sb.toString();
    }

    /**
     * Appends the element; {@code contextNamespace} is the default namespace in force where it is
     * written (for a stanza, the stream's {@code jabber:client}), so it is not declared again.
     */
    public static void write(Element e, String contextNamespace, StringBuilder out) {
        out.append('<').append(e.name());
        if (!e.namespace().equals(contextNamespace)) {
            out.append(" xmlns=\"");
            escapeAttr(e.namespace(), out);
            out.append('"');
        }
        for (Attribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("=\"");
            escapeAttr(a.value(), out);
            out.append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node n : e.children()) {
            if (n instanceof Element c) write(c, e.namespace(), out);
            else escapeText(((Text) n).value(), out);
        }
        out.append("</").append(e.name()).append('>');
    }

    /** A raw CR would be read back as LF (XML end-of-line handling), so it goes out as a reference. */
    public static void escapeText(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    public static void escapeAttr(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
    }
}
