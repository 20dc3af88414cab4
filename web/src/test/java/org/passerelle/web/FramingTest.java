package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xmpp.c2s.StreamEvent;

/** RFC 7395 §3.3: one frame, one complete element; the stream's own text, re-framed. */
class FramingTest {
    private static StreamEvent read(String frame) {
        return FrameReader.read(frame, XmlLimits.DEFAULT);
    }

    @Test
    void openBecomesAStreamHeaderInTheClientNamespace() {
        var e = (StreamEvent.Opened) read("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='localhost' version='1.0'/>");
        assertThat(e.header().attr("to")).isEqualTo("localhost");
        assertThat(e.header().attr("version")).isEqualTo("1.0");
        assertThat(e.header().attr("xmlns")).isEqualTo("jabber:client");
    }

    @Test
    void closeEndsTheStreamAndAStanzaIsReceived() {
        assertThat(read("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>")).isInstanceOf(StreamEvent.Closed.class);
        var r = (StreamEvent.Received) read("<message xmlns='jabber:client' to='b@localhost'><body>hi</body></message>");
        assertThat(r.element().is("message", "jabber:client")).isTrue();
        assertThat(r.element().attr("to")).isEqualTo("b@localhost");
    }

    @Test
    void aFrameThatIsNotExactlyOneElementBreaksTheStream() {
        for (String bad : new String[] {
                "<message xmlns='jabber:client'/><message xmlns='jabber:client'/>",
                "<message xmlns='jabber:client'>",
                "",
                "just text",
                "</stream:stream>",
                "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"}) {
            assertThat(read(bad)).as(bad).isInstanceOf(StreamEvent.Broken.class);
        }
        assertThat(((StreamEvent.Broken) read("<a/><b/>")).condition()).isEqualTo("not-well-formed");
    }

    @Test
    void restrictedXmlAndOversizedStanzasFailAsOnTcp() {
        assertThat(((StreamEvent.Broken) read("<!-- c --><message xmlns='jabber:client'/>")).condition()).isEqualTo("restricted-xml");
        String big = "<message xmlns='jabber:client'><body>" + "x".repeat(2000) + "</body></message>";
        assertThat(((StreamEvent.Broken) FrameReader.read(big, new XmlLimits(1024, 8, 8))).condition()).isEqualTo("policy-violation");
    }

    @Test
    void streamTextIsWrittenAsOneNamespaceCompleteElementPerFrame() {
        FrameWriter w = new FrameWriter();
        assertThat(w.frames("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " version='1.0' from='localhost' id='s1' xml:lang='en'>"))
                .containsExactly("<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" from=\"localhost\" id=\"s1\" version=\"1.0\" xml:lang=\"en\"/>");
        assertThat(w.frames("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features><message to='a@localhost'/>"))
                .containsExactly("<features xmlns=\"http://etherx.jabber.org/streams\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/></features>",
                        "<message xmlns=\"jabber:client\" to=\"a@localhost\"/>");
        assertThat(w.frames("</stream:stream>")).containsExactly("<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>");
    }
}
