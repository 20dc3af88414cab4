package org.passerelle.modules.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.CapsKnown;
import org.passerelle.core.session.ClientCaps;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class ClientCapsTrackerTest {
    private static final String DISCO = "http://jabber.org/protocol/disco#info";

    private static Element query(String... features) {
        Element.Builder q = Element.builder("query", DISCO)
                .child(Element.builder("identity", DISCO).attr("category", "client").attr("type", "pc").build());
        for (String f : features) q.child(Element.builder("feature", DISCO).attr("var", f).build());
        return q.build();
    }

    private static void presence(TestServer server, TestSession s, String ver) {
        server.send(s, "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://c' ver='" + ver + "'/></presence>");
    }

    private static void answer(TestServer server, TestSession s, Stanza ask, Element query) {
        server.send(s, Element.builder("iq", "jabber:client").attr("type", "result").attr("id", ask.id())
                .attr("to", ask.from().toString()).child(query).build());
    }

    @Test
    void verifiedCapsGoOnTheSessionAndAreAskedOnce() {
        try (TestServer server = new TestServer(new PresenceModule(), new CapsModule())) {
            List<CapsKnown> events = new ArrayList<>();
            server.context().events().on(CapsKnown.class, 0, e -> events.add(e) && false);
            Element q = query("urn:xmpp:mood+notify", "urn:xmpp:ping");
            String ver = VerificationString.sha1(q);
            TestSession a = server.login("a@localhost/1");
            presence(server, a, ver);
            Stanza ask = a.next();
            assertThat(ask.element().child("query", DISCO).attr("node")).isEqualTo("https://c#" + ver);
            answer(server, a, ask, q);
            assertThat(a.get(ClientCaps.KEY).has("urn:xmpp:mood+notify")).isTrue();
            assertThat(events).hasSize(1);

            TestSession b = server.login("b@localhost/1");
            presence(server, b, ver);
            assertThat(b.get(ClientCaps.KEY)).as("known ver: no question").isEqualTo(a.get(ClientCaps.KEY));
            assertThat(b.next().isPresence()).isTrue();
        }
    }

    @Test
    void anAnswerThatDoesNotMatchTheHashIsIgnored() {
        try (TestServer server = new TestServer(new PresenceModule(), new CapsModule())) {
            String ver = VerificationString.sha1(query("urn:xmpp:ping"));
            TestSession liar = server.login("liar@localhost/1");
            presence(server, liar, ver);
            answer(server, liar, liar.next(), query("urn:xmpp:ping", "evil+notify"));
            assertThat(liar.get(ClientCaps.KEY)).isNull();
            TestSession other = server.login("other@localhost/1");
            presence(server, other, ver);
            assertThat(other.next().isIq()).as("nothing was cached: the server asks again").isTrue();
        }
    }
}
