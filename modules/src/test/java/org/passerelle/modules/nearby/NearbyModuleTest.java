package org.passerelle.modules.nearby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.PublicPlaceListed;
import org.passerelle.core.event.PublicPlaceUnlisted;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.blocking.BlockingModule;
import org.passerelle.modules.pep.PepModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class NearbyModuleTest {
    private static final String X = "jabber:x:data";

    private static TestServer server() {
        return new TestServer(new PresenceModule(), new BlockingModule(), new PepModule(), new NearbyModule());
    }

    /** Logs in, publishes a location, opts in (unless visibility is null). */
    static TestSession user(TestServer server, String local, double lat, double lon, String visibility, String precision) {
        TestSession s = server.login(local + "@localhost/r");
        server.send(s, "<iq type='set' id='geo'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='http://jabber.org/protocol/geoloc'>"
                + "<item><geoloc xmlns='http://jabber.org/protocol/geoloc'><lat>" + lat + "</lat><lon>" + lon + "</lon></geoloc></item></publish></pubsub></iq>");
        assertThat(s.next().type()).isEqualTo("result");
        if (visibility != null) {
            server.send(s, "<iq type='set' id='reg' to='nearby.localhost'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                    + "<field var='visibility'><value>" + visibility + "</value></field>"
                    + "<field var='precision'><value>" + precision + "</value></field></x></query></iq>");
            assertThat(s.next().type()).isEqualTo("result");
        }
        return s;
    }

    static Stanza search(TestServer server, TestSession asker, String radius, String kind) {
        server.send(asker, "<iq type='set' id='s' to='nearby.localhost'><query xmlns='jabber:iq:search'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='radius'><value>" + radius + "</value></field><field var='kind'><value>" + kind + "</value></field></x></query></iq>");
        return asker.next();
    }

    /** "jid lat lon" per row, in the order answered. */
    static List<String> rows(Stanza result) {
        assertThat(result.type()).as(result.toString()).isEqualTo("result");
        List<String> out = new ArrayList<>();
        for (Element item : result.element().firstElement().child("x", X).children("item", X)) {
            String jid = null, lat = null, lon = null;
            for (Element f : item.children("field", X)) {
                switch (f.attr("var")) {
                    case "jid" -> jid = f.childText("value", X);
                    case "lat" -> lat = f.childText("value", X);
                    case "lon" -> lon = f.childText("value", X);
                    default -> { }
                }
            }
            out.add(jid + " " + lat + " " + lon);
        }
        return out;
    }

    private static String condition(Stanza error) {
        return error.element().child("error", "jabber:client").elements().getFirst().name();
    }

    @Test
    void findsExactlyTheVisibleOptedInUsersWithinTheRadiusRounded() {
        try (TestServer server = server()) {
            TestSession asker = user(server, "asker", 48.8566, 2.3522, "contacts", "0.01");
            user(server, "bea", 48.8606, 2.3376, "public", "0.01");
            user(server, "carl", 48.85, 2.30, "contacts", "0.01");
            user(server, "dora", 48.857, 2.352, "contacts", "0.01");
            user(server, "eve", 45.76, 4.84, "public", "0.01");
            user(server, "fred", 48.857, 2.352, null, null);
            user(server, "gus", 48.857, 2.352, "public", "0.01");
            TestSession hugo = user(server, "hugo", 48.857, 2.352, "public", "0.01");
            user(server, "ines", 48.87, 2.38, "public", "0.1");
            user(server, "jo", 48.4, 2.6, "public", "1");
            // carl shares his presence with the asker; dora does not.
            server.context().stores().roster().put(Jids.of("carl@localhost").asEntityBareJidIfPossible(),
                    RosterItem.of(Jids.of("asker@localhost").asBareJid()).withSubscription(Subscription.FROM));
            server.send(asker, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='gus@localhost'/></block></iq>");
            asker.next();
            server.send(hugo, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='asker@localhost'/></block></iq>");
            hugo.next();
            server.context().events().publish(new PublicPlaceListed(Jids.of("paris@conference.localhost"), "Paris", 48.857, 2.353));
            server.context().events().publish(new PublicPlaceListed(Jids.of("lyon@conference.localhost"), "Lyon", 45.76, 4.84));

            assertThat(rows(search(server, asker, "10", "all"))).containsExactly(
                    "paris@conference.localhost 48.857 2.353",
                    "bea@localhost 48.86 2.34",
                    "carl@localhost 48.85 2.30",
                    "ines@localhost 48.9 2.4");
            assertThat(rows(search(server, asker, "10", "people"))).hasSize(3);
            assertThat(rows(search(server, asker, "2", "people"))).containsExactly("bea@localhost 48.86 2.34");
            server.context().events().publish(new PublicPlaceUnlisted(Jids.of("paris@conference.localhost")));
            assertThat(rows(search(server, asker, "10", "rooms"))).isEmpty();
            assertThat(rows(search(server, asker, "50", "rooms"))).isEmpty();
        }
    }

    @Test
    void searchingNeedsAnOptInALocationAndASaneRadius() {
        try (TestServer server = server()) {
            TestSession lurker = user(server, "lurker", 48.0, 2.0, null, null);
            assertThat(condition(search(server, lurker, "10", "all"))).isEqualTo("registration-required");
            TestSession asker = user(server, "asker", 48.0, 2.0, "public", "0.1");
            assertThat(condition(search(server, asker, "0", "all"))).isEqualTo("not-acceptable");
            assertThat(condition(search(server, asker, "5000", "all"))).isEqualTo("not-acceptable");
            assertThat(condition(search(server, asker, "ten", "all"))).isEqualTo("not-acceptable");
            server.send(asker, "<iq type='set' id='geo'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='http://jabber.org/protocol/geoloc'>"
                    + "<item><geoloc xmlns='http://jabber.org/protocol/geoloc'><lat>95</lat><lon>2</lon></geoloc></item></publish></pubsub></iq>");
            assertThat(asker.next().type()).as("invalid coordinates are refused").isEqualTo("error");
            assertThat(rows(search(server, asker, "10", "all"))).as("the earlier location stands").isEmpty();
            server.send(asker, "<iq type='set' id='r' to='nearby.localhost'><query xmlns='jabber:iq:register'><remove/></query></iq>");
            assertThat(asker.next().type()).isEqualTo("result");
            assertThat(condition(search(server, asker, "10", "all"))).isEqualTo("registration-required");
        }
    }

    @Test
    void registrationFormShowsTheCurrentChoiceAndRefusesOthers() {
        try (TestServer server = server()) {
            TestSession a = user(server, "a", 1, 1, "public", "0.1");
            server.send(a, "<iq type='get' id='g' to='nearby.localhost'><query xmlns='jabber:iq:register'/></iq>");
            Element query = a.next().element().firstElement();
            assertThat(query.child("registered", "jabber:iq:register")).isNotNull();
            var form = org.passerelle.modules.forms.DataForm.find(query);
            assertThat(form.value("visibility")).isEqualTo("public");
            assertThat(form.value("precision")).isEqualTo("0.1");
            server.send(a, "<iq type='set' id='reg' to='nearby.localhost'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='visibility'><value>public</value></field><field var='precision'><value>0.001</value></field></x></query></iq>");
            assertThat(condition(a.next())).isEqualTo("not-acceptable");
            server.send(a, "<iq type='get' id='d' to='nearby.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(a.next().element().firstElement().children("feature", "http://jabber.org/protocol/disco#info"))
                    .extracting(f -> f.attr("var")).contains("jabber:iq:search", "jabber:iq:register");
        }
    }
}
