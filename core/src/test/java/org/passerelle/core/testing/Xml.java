package org.passerelle.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/** Parses a stanza written in a test as XML text (default namespace jabber:client). */
public final class Xml {
    private Xml() {
    }

    public static Element parse(String xml) {
        List<Element> out = new ArrayList<>();
        XmlStreamParser p = new XmlStreamParser(XmlLimits.DEFAULT, new XmlStreamListener() {
            @Override public void streamOpened(Element header) { }
            @Override public void element(Element element) { out.add(element); }
            @Override public void streamClosed() { }
        });
        try {
            p.feed(("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (XmlStreamException e) {
            throw new IllegalArgumentException("bad test XML: " + e.getMessage(), e);
        }
        if (out.size() != 1) throw new IllegalArgumentException("expected one element, got " + out.size());
        return out.getFirst();
    }
}
