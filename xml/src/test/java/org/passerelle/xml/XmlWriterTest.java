package org.passerelle.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlWriterTest {
    @Test
    void omitsTheContextNamespaceAndEscapes() {
        Element msg = Element.builder("message", "jabber:client").attr("to", "a@b").attr("id", "x\"'<")
                .child(Element.builder("body", "jabber:client").text("1 < 2 & 3 > 0").build())
                .child(Element.of("active", "http://jabber.org/protocol/chatstates"))
                .build();
        StringBuilder sb = new StringBuilder();
        XmlWriter.write(msg, "jabber:client", sb);
        assertThat(sb.toString()).isEqualTo("<message to=\"a@b\" id=\"x&quot;&apos;&lt;\"><body>1 &lt; 2 &amp; 3 &gt; 0</body>"
                + "<active xmlns=\"http://jabber.org/protocol/chatstates\"/></message>");
    }

    @Test
    void withAttrReplacesAndRemoves() {
        Element e = Element.builder("iq", "jabber:client").attr("from", "x").attr("id", "1").build();
        assertThat(e.withAttr("from", "y").attr("from")).isEqualTo("y");
        assertThat(e.withAttr("from", null).attr("from")).isNull();
        assertThat(e.withAttr("to", "z").attributes()).hasSize(3);
    }
}
