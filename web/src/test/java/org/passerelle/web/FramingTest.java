package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xmpp.c2s.StreamEvent;
import org.passerelle.xmpp.c2s.StreamOutput;

/** RFC 7395 §3.3: one frame, one complete element, both ways. */
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
    void theStreamOutputIsWrittenAsOneNamespaceCompleteElementPerFrame() {
        assertThat(FrameWriter.frame(new StreamOutput.StreamOpen("localhost", "s1")))
                .isEqualTo("<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" from=\"localhost\" id=\"s1\" version=\"1.0\" xml:lang=\"en\"/>");
        assertThat(FrameWriter.frame(new StreamOutput.StreamElement(Element.builder("features", Namespaces.STREAMS)
                .child(Element.of("bind", "urn:ietf:params:xml:ns:xmpp-bind")).build())))
                .isEqualTo("<features xmlns=\"http://etherx.jabber.org/streams\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/></features>");
        assertThat(FrameWriter.frame(new StreamOutput.StreamElement(Element.builder("message", Namespaces.CLIENT).attr("to", "a@localhost").build())))
                .isEqualTo("<message xmlns=\"jabber:client\" to=\"a@localhost\"/>");
        assertThat(FrameWriter.frame(StreamOutput.CLOSE)).isEqualTo("<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>");
    }

    @Test
    void eachMessageTheHandlerWritesIsOneTextFrameInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketFraming(XmlLimits.DEFAULT));
        ch.write(new StreamOutput.StreamOpen(null, "s2"));
        ch.write(new StreamOutput.StreamElement(Element.builder("error", Namespaces.STREAMS)
                .child(Element.of("host-unknown", Namespaces.STREAM_ERRORS)).build()));
        ch.writeAndFlush(StreamOutput.CLOSE);
        assertThat(text(ch)).isEqualTo("<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" id=\"s2\" version=\"1.0\" xml:lang=\"en\"/>");
        assertThat(text(ch)).isEqualTo("<error xmlns=\"http://etherx.jabber.org/streams\">"
                + "<host-unknown xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/></error>");
        assertThat(text(ch)).isEqualTo("<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>");
        assertThat((Object) ch.readOutbound()).isNull();
        ch.finishAndReleaseAll();
    }

    private static String text(EmbeddedChannel ch) {
        TextWebSocketFrame frame = ch.readOutbound();
        try {
            return frame.text();
        } finally {
            frame.release();
        }
    }
}
