package org.passerelle.web.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;

/** Reading request bodies: what is accepted, what each failure is called, and the stanzas' namespace. */
class BoshBodyTest {
    private static final XmlLimits LIMITS = new XmlLimits(10_000, 4, 8);

    private static BoshBody.Read read(String text) {
        return BoshBody.read(text.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    private static Element body(String text) {
        BoshBody.Read r = read(text);
        assertThat(r).as(text).isInstanceOf(BoshBody.Body.class);
        return ((BoshBody.Body) r).body();
    }

    private static BoshBody.Unreadable unreadable(String text) {
        BoshBody.Read r = read(text);
        assertThat(r).as(text).isInstanceOf(BoshBody.Unreadable.class);
        return (BoshBody.Unreadable) r;
    }

    @Test
    void aDeclarationAndAByteOrderMarkMayComeFirst() {
        assertThat(body("\uFEFF<?xml version='1.0' encoding='UTF-8'?>\n<body xmlns='http://jabber.org/protocol/httpbind' rid='7'/>")
                .attr("rid")).isEqualTo("7");
        assertThat(unreadable("<?xml version='1.0' encoding='ISO-8859-1'?><body xmlns='http://jabber.org/protocol/httpbind'/>")
                .condition()).isEqualTo("unsupported-encoding");
    }

    @Test
    void stanzasWithoutANamespaceAreClientStanzas() {
        Element b = body("<body xmlns='http://jabber.org/protocol/httpbind' rid='1'><message to='a@localhost'><body>hi</body></message>"
                + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'/></body>");
        var payload = BoshBody.payload(b);
        assertThat(payload.get(0).is("message", "jabber:client")).isTrue();
        assertThat(payload.get(0).child("body", "jabber:client").text()).isEqualTo("hi");
        assertThat(payload.get(1).is("auth", "urn:ietf:params:xml:ns:xmpp-sasl")).isTrue();
    }

    @Test
    void xboshAttributesAreFoundUnderAnyPrefix() {
        Element b = body("<body xmlns='http://jabber.org/protocol/httpbind' xmlns:x='urn:xmpp:xbosh' x:restart='true' rid='2'/>");
        assertThat(BoshBody.xbosh(b, "restart")).isEqualTo("true");
        assertThat(BoshBody.xbosh(b, "version")).isNull();
    }

    @Test
    void numbersAreNonNegativeIntegersBelowTwoToThe53() {
        assertThat(BoshBody.number(body("<body xmlns='http://jabber.org/protocol/httpbind' rid='9007199254740991'/>"), "rid"))
                .isEqualTo(9007199254740991L);
        assertThat(BoshBody.number(body("<body xmlns='http://jabber.org/protocol/httpbind' rid='9007199254740992'/>"), "rid")).isEqualTo(-1);
        assertThat(BoshBody.number(body("<body xmlns='http://jabber.org/protocol/httpbind' rid='-3'/>"), "rid")).isEqualTo(-1);
        assertThat(BoshBody.number(body("<body xmlns='http://jabber.org/protocol/httpbind'/>"), "rid")).isEqualTo(-1);
    }

    @Test
    void failuresAreNamedAsOnTcpAndKeepTheSid() {
        assertThat(unreadable("<body xmlns='http://jabber.org/protocol/httpbind' sid='abc123' rid='1'><message>")).satisfies(u -> {
            assertThat(u.condition()).isEqualTo("not-well-formed");
            assertThat(u.sid()).isEqualTo("abc123");
        });
        assertThat(unreadable("<!DOCTYPE body><body xmlns='http://jabber.org/protocol/httpbind'/>").condition()).isEqualTo("restricted-xml");
        assertThat(unreadable("<body xmlns='http://jabber.org/protocol/httpbind'><!-- x --></body>").condition()).isEqualTo("restricted-xml");
        assertThat(unreadable("<body xmlns='http://jabber.org/protocol/httpbind'><a><b><c><d/></c></b></a></body>").condition())
                .as("one level more than the stanza depth for the wrapper, no more").isEqualTo("policy-violation");
        assertThat(body("<body xmlns='http://jabber.org/protocol/httpbind'><a><b><c/></b></a></body>")).isNotNull();
        assertThat(unreadable("<body xmlns='urn:other'/>").condition()).isEqualTo("not-well-formed");
        assertThat(unreadable("<body xmlns='http://jabber.org/protocol/httpbind'/><body xmlns='http://jabber.org/protocol/httpbind'/>")
                .condition()).isEqualTo("not-well-formed");
    }
}
