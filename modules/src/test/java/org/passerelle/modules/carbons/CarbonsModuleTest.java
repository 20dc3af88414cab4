package org.passerelle.modules.carbons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class CarbonsModuleTest {
    private static final String ENABLE = "<iq type='set' id='on'><enable xmlns='urn:xmpp:carbons:2'/></iq>";

    @Test
    void sentMessagesAreCopiedToTheSendersOtherEnabledSessions() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            TestSession phone = enabled(server, available(server.login("alice@localhost/phone"), 0));
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 0));
            TestSession tablet = available(server.login("alice@localhost/tablet"), 0);
            TestSession bob = available(server.login("bob@localhost/pc"), 0);

            server.send(phone, "<message id='m1' to='bob@localhost/pc' type='chat'><body>hi</body></message>");
            assertThat(body(bob.next())).isEqualTo("hi");
            Stanza copy = laptop.next();
            assertThat(copy.from().toString()).isEqualTo("alice@localhost");
            assertThat(copy.to().toString()).isEqualTo("alice@localhost/laptop");
            assertThat(copy.type()).isEqualTo("chat");
            Element original = forwarded(copy, "sent");
            assertThat(original.attr("from")).isEqualTo("alice@localhost/phone");
            assertThat(original.attr("to")).isEqualTo("bob@localhost/pc");
            assertThat(original.childText("body", Namespaces.CLIENT)).isEqualTo("hi");
            phone.assertNothingMore();
            tablet.assertNothingMore();
            laptop.assertNothingMore();
        }
    }

    @Test
    void messagesToAFullJidAreCopiedToTheOtherEnabledSessions() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            TestSession phone = enabled(server, available(server.login("alice@localhost/phone"), 0));
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 0));
            TestSession tablet = available(server.login("alice@localhost/tablet"), 0);
            TestSession bob = server.login("bob@localhost/pc");

            server.send(bob, "<message id='m2' to='alice@localhost/phone' type='chat'><body>hello</body></message>");
            assertThat(body(phone.next())).isEqualTo("hello");
            Element original = forwarded(laptop.next(), "received");
            assertThat(original.attr("from")).isEqualTo("bob@localhost/pc");
            assertThat(original.attr("to")).isEqualTo("alice@localhost/phone");
            phone.assertNothingMore();
            laptop.assertNothingMore();
            tablet.assertNothingMore();
        }
    }

    @Test
    void bareJidMessagesAreCopiedOnceToEnabledSessionsThatDidNotGetThem() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            deliverToHighestPriority(server);
            TestSession phone = enabled(server, available(server.login("alice@localhost/phone"), 5));
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 5));
            TestSession tablet = enabled(server, available(server.login("alice@localhost/tablet"), 1));
            TestSession watch = available(server.login("alice@localhost/watch"), 0);
            TestSession bob = server.login("bob@localhost/pc");

            server.send(bob, "<message id='m3' to='alice@localhost' type='chat'><body>to all</body></message>");
            assertThat(body(phone.next())).isEqualTo("to all");
            assertThat(body(laptop.next())).isEqualTo("to all");
            assertThat(forwarded(tablet.next(), "received").attr("to")).isEqualTo("alice@localhost");
            phone.assertNothingMore();
            laptop.assertNothingMore();
            tablet.assertNothingMore();
            watch.assertNothingMore();
        }
    }

    @Test
    void onlyInstantMessagesAreCopied() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            TestSession phone = available(server.login("alice@localhost/phone"), 0);
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 0));
            TestSession bob = server.login("bob@localhost/pc");
            String[] notCopied = {
                "<message to='bob@localhost/pc' type='groupchat'><body>x</body></message>",
                "<message to='bob@localhost/pc' type='headline'><body>x</body></message>",
                "<message to='bob@localhost/pc'><subject>no body</subject></message>",
                "<message to='bob@localhost/pc' type='chat'><body>x</body><private xmlns='urn:xmpp:carbons:2'/></message>",
                "<message to='bob@localhost/pc' type='chat'><body>x</body><no-copy xmlns='urn:xmpp:hints'/></message>",
            };
            for (String m : notCopied) {
                server.send(phone, m);
                bob.next();
            }
            laptop.assertNothingMore();

            String[] copied = {
                "<message to='bob@localhost/pc'><body>normal with body</body></message>",
                "<message to='bob@localhost/pc'><received xmlns='urn:xmpp:receipts' id='m1'/></message>",
                "<message to='bob@localhost/pc' type='chat'><body>pm</body><x xmlns='http://jabber.org/protocol/muc#user'/></message>",
            };
            for (String m : copied) {
                server.send(phone, m);
                bob.next();
                forwarded(laptop.next(), "sent");
            }
        }
    }

    @Test
    void privateMessagesAreNotCopiedAndTheMarkIsRemoved() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            TestSession phone = available(server.login("alice@localhost/phone"), 0);
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 0));
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<message to='alice@localhost/phone' type='chat'><body>secret</body><private xmlns='urn:xmpp:carbons:2'/></message>");
            Stanza got = phone.next();
            assertThat(body(got)).isEqualTo("secret");
            assertThat(got.element().child("private", CarbonsModule.NS)).isNull();
            laptop.assertNothingMore();

            // A private message from a MUC occupant is copied by the MUC service, not by us.
            server.send(bob, "<message to='alice@localhost/phone' type='chat'><body>pm</body><x xmlns='http://jabber.org/protocol/muc#user'/></message>");
            phone.next();
            laptop.assertNothingMore();
        }
    }

    @Test
    void disablingStopsTheCopies() throws Exception {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            TestSession phone = available(server.login("alice@localhost/phone"), 0);
            TestSession laptop = enabled(server, available(server.login("alice@localhost/laptop"), 0));
            TestSession bob = server.login("bob@localhost/pc");
            server.send(laptop, "<iq type='set' id='off'><disable xmlns='urn:xmpp:carbons:2'/></iq>");
            assertThat(laptop.next().type()).isEqualTo("result");
            server.send(bob, "<message to='alice@localhost/phone' type='chat'><body>x</body></message>");
            phone.next();
            laptop.assertNothingMore();
        }
    }

    @Test
    void enablingIsForOnesOwnSessionOnly() {
        try (TestServer server = new TestServer(new CarbonsModule())) {
            server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<iq type='set' id='x' to='alice@localhost'><enable xmlns='urn:xmpp:carbons:2'/></iq>");
            Stanza reply = bob.next();
            assertThat(reply.type()).isEqualTo("error");
            assertThat(reply.element().child("error", Namespaces.CLIENT).child("not-allowed", Namespaces.STANZA_ERRORS)).isNotNull();
        }
    }

    private static TestSession enabled(TestServer server, TestSession s) {
        server.send(s, ENABLE);
        assertThat(s.next().type()).isEqualTo("result");
        return s;
    }

    private static TestSession available(TestSession s, int priority) {
        s.setPresence(Stanza.of(Xml.parse("<presence><priority>" + priority + "</priority></presence>"), s.jid(), null));
        return s;
    }

    /** Stands in for the message module: RFC 6121 §8.5.2.1.1, to every available session of the highest non-negative priority. */
    private static void deliverToHighestPriority(TestServer server) {
        server.context().hooks().handle(Destination.ACCOUNT, StanzaKind.MESSAGE, 0, m -> {
            var sessions = server.context().sessions().sessions(m.to().asEntityBareJidIfPossible());
            int top = sessions.stream().filter(Session::isAvailable).mapToInt(Session::priority).max().orElse(-1);
            for (Session s : sessions) if (s.isAvailable() && s.priority() == top) server.context().router().deliver(s, m);
            return true;
        });
    }

    private static Element forwarded(Stanza carbon, String direction) {
        Element wrapper = carbon.element().child(direction, CarbonsModule.NS);
        assertThat(wrapper).as("a <%s/> carbon: %s", direction, carbon).isNotNull();
        return wrapper.child("forwarded", CarbonCopies.FORWARD).child("message", Namespaces.CLIENT);
    }

    private static String body(Stanza s) {
        return s.element().childText("body", Namespaces.CLIENT);
    }
}
