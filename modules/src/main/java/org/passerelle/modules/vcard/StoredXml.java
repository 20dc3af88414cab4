package org.passerelle.modules.vcard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/** Reads back an element the module stored as XML text, with the same parser as client streams. */
final class StoredXml {
    private static final String OPEN = "<stream:stream xmlns='jabber:client' xmlns:stream='" + XmlStreamParser.STREAM_NS + "'>";

    private StoredXml() {
    }

    static Element parse(String xml) {
        List<Element> out = new ArrayList<>(1);
        byte[] bytes = (OPEN + xml).getBytes(StandardCharsets.UTF_8);
        XmlLimits limits = new XmlLimits(Math.max(XmlLimits.DEFAULT.maxStanzaBytes(), bytes.length), XmlLimits.DEFAULT.maxDepth(),
                XmlLimits.DEFAULT.maxAttributes());
        XmlStreamParser parser = new XmlStreamParser(limits, new XmlStreamListener() {
            @Override public void streamOpened(Element header) { }
            @Override public void element(Element element) { out.add(element); }
            @Override public void streamClosed() { }
        });
        try {
            parser.feed(bytes);
        } catch (XmlStreamException e) {
            throw new IllegalStateException("stored XML does not parse: " + e.getMessage(), e);
        }
        if (out.size() != 1) throw new IllegalStateException("stored XML is not one element");
        return out.getFirst();
    }
}
