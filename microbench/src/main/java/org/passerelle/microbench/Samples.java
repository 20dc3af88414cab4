package org.passerelle.microbench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/** The stanzas the benchmarks parse, write and route, as a client puts them on the wire. */
public enum Samples {
    /** A chat message as Conversations sends it: a ~100-byte body, chat state, receipt request, marker, origin-id. */
    MESSAGE("<message to='bob@localhost' type='chat' id='5c1e0f4a-8d2b-4b7e-9a31-2f6d8c4e7b10'>"
            + "<body>Are we still on for lunch tomorrow at noon? I booked the table by the window, see you there!</body>"
            + "<active xmlns='http://jabber.org/protocol/chatstates'/><request xmlns='urn:xmpp:receipts'/>"
            + "<markable xmlns='urn:xmpp:chat-markers:0'/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='5c1e0f4a-8d2b-4b7e-9a31-2f6d8c4e7b10'/></message>"),
    /** An available presence with entity capabilities (XEP-0115) and an avatar hash (XEP-0153). */
    PRESENCE("<presence id='pr-7'><show>away</show><status>In a meeting until 3</status><priority>5</priority>"
            + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://gajim.org' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>"
            + "<x xmlns='vcard-temp:x:update'><photo>01b87fcd030b72895ff8e88db57ec525450f000d</photo></x></presence>"),
    /** A roster result with 50 contacts, each with a name and a group. */
    ROSTER(roster(50));

    /** What a client opens its stream with; parsers in the benchmarks are past this point. */
    public static final String STREAM_HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0' xml:lang='en'>";

    private final String xml;

    Samples(String xml) {
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    public byte[] bytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The stanza as the parser delivers it (namespace jabber:client, no {@code from}). */
    public Element element() {
        List<Element> out = new ArrayList<>(1);
        XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT, new XmlStreamListener() {
            @Override public void streamOpened(Element header) { }
            @Override public void element(Element element) { out.add(element); }
            @Override public void streamClosed() { }
        });
        try {
            parser.feed((STREAM_HEADER + xml).getBytes(StandardCharsets.UTF_8));
        } catch (XmlStreamException e) {
            throw new IllegalStateException("sample " + name() + " does not parse", e);
        }
        if (out.size() != 1) throw new IllegalStateException("sample " + name() + " is " + out.size() + " elements");
        return out.getFirst();
    }

    /** The stanza as delivered to a recipient: the server has stamped {@code from}. */
    public Element delivered() {
        return element().withAttr("from", "alice@localhost/phone");
    }

    private static String roster(int items) {
        StringBuilder sb = new StringBuilder("<iq type='result' id='roster-1' to='alice@localhost/phone'>"
                + "<query xmlns='jabber:iq:roster' ver='57'>");
        for (int i = 1; i <= items; i++) {
            sb.append("<item jid='contact").append(i).append("@example.org' name='Contact number ").append(i)
                    .append("' subscription='both'><group>").append(i % 3 == 0 ? "Work" : "Friends").append("</group></item>");
        }
        return sb.append("</query></iq>").toString();
    }
}
