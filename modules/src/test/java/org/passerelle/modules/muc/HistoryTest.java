package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class HistoryTest {
    private static final EntityFullJid FROM = (EntityFullJid) Jids.of("r@conference.localhost/n");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static History history() {
        History h = new History(10);
        for (int i = 0; i < 5; i++) h.add(Xml.parse("<message xmlns='jabber:client'><body>m" + i + "</body></message>"), FROM, T0.plusSeconds(60L * i));
        return h;
    }

    private static Element req(String attrs) {
        return Xml.parse("<history xmlns='http://jabber.org/protocol/muc' " + attrs + "/>");
    }

    private static int count(History h, String attrs) {
        return h.select(attrs == null ? null : req(attrs), T0.plusSeconds(240)).size();
    }

    @Test
    void limitsCombine() {
        History h = history();
        assertThat(count(h, null)).isEqualTo(5);
        assertThat(count(h, "maxstanzas='2'")).isEqualTo(2);
        assertThat(h.select(req("maxstanzas='2'"), T0.plusSeconds(240)).getFirst().message().toString()).contains("m3");
        assertThat(count(h, "seconds='61'")).as("messages of the last 61 s").isEqualTo(2);
        assertThat(count(h, "since='2026-01-01T10:02:00Z'")).as("strictly after").isEqualTo(2);
        int one = h.select(null, T0).getFirst().chars();
        assertThat(count(h, "maxchars='" + (2 * one + 1) + "'")).isEqualTo(2);
        assertThat(count(h, "maxchars='0'")).isZero();
        assertThat(count(h, "maxstanzas='4' seconds='130'")).isEqualTo(3);
        assertThat(count(h, "maxstanzas='junk'")).as("an unreadable limit does not apply").isEqualTo(5);
    }

    @Test
    void keepsOnlyTheLastMessages() {
        History h = new History(2);
        for (int i = 0; i < 4; i++) h.add(Xml.parse("<message xmlns='jabber:client'><body>m" + i + "</body></message>"), FROM, T0);
        assertThat(h.select(null, T0)).extracting(e -> e.message().childText("body", "jabber:client")).containsExactly("m2", "m3");
        History none = new History(0);
        none.add(Xml.parse("<message xmlns='jabber:client'/>"), FROM, T0);
        assertThat(none.select(null, T0)).isEmpty();
    }
}
