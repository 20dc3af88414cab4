package org.passerelle.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlFragmentTest {
    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        Element msg = Element.builder("message", "jabber:client").attr("to", "a@b").attr("xml:lang", "fr")
                .child(Element.builder("body", "jabber:client").text("\u00e9t\u00e9 \uD83D\uDE00 <&> \"'\r\n\ttab").build())
                .child(Element.builder("x", "urn:x").attr("v", "line\r\nnext\ttab <&>\"'").build())
                .build();
        assertThat(XmlFragment.parse(XmlWriter.toXml(msg), XmlLimits.DEFAULT)).isEqualTo(msg);
    }

    @Test
    void anElementWithoutNamespaceStaysWithout() throws Exception {
        assertThat(XmlFragment.parse("<a b='c'/>", XmlLimits.DEFAULT)).isEqualTo(Element.of("a", "").withAttr("b", "c"));
    }

    @Test
    void rejectsAnythingButOneCompleteElement() {
        for (String bad : new String[] {"", "<a/><b/>", "<a>", "<a/>text", "<a></b>", "<a/></stream:stream>", "<!-- c --><a/>"}) {
            assertThatThrownBy(() -> XmlFragment.parse(bad, XmlLimits.DEFAULT)).as(bad).isInstanceOf(XmlStreamException.class);
        }
    }

    @Test
    void appliesTheLimits() {
        String big = "<a>" + "x".repeat(2000) + "</a>";
        assertThatThrownBy(() -> XmlFragment.parse(big, new XmlLimits(1024, 8, 8)))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("policy-violation"));
    }
}
