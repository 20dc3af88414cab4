package org.passerelle.modules.csi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;

class CsiModuleTest {
    @Test
    void featureIsOfferedAfterAuthentication() {
        try (TestServer server = new TestServer(new CsiModule())) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).anyMatch(e -> e.is("csi", CsiModule.NS));
            assertThat(server.context().features().streamFeatures(false, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).noneMatch(e -> e.is("csi", CsiModule.NS));
        }
    }

    @Test
    void inactiveClientGetsOnlyTheLatestPresenceOfEachSenderWhenActiveAgain() throws Exception {
        try (TestServer server = new TestServer(new CsiModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            TestSession carol = server.login("carol@localhost/pc");
            state(server, alice, "inactive");
            server.send(bob, "<presence to='alice@localhost/phone'><show>away</show></presence>");
            server.send(carol, "<presence to='alice@localhost/phone'/>");
            server.send(bob, "<presence to='alice@localhost/phone'><show>dnd</show></presence>");
            // Chat states and IQs are not held.
            server.send(carol, "<message to='alice@localhost/phone' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
            assertThat(alice.next().isMessage()).isTrue();
            server.send(carol, "<iq type='get' id='q' to='alice@localhost/phone'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.next().isIq()).isTrue();
            alice.assertNothingMore();

            state(server, alice, "active");
            Stanza first = alice.next();
            assertThat(first.from().toString()).isEqualTo("carol@localhost/pc");
            Stanza second = alice.next();
            assertThat(second.from().toString()).isEqualTo("bob@localhost/pc");
            assertThat(second.element().childText("show", Namespaces.CLIENT)).isEqualTo("dnd");
            alice.assertNothingMore();

            server.send(bob, "<presence to='alice@localhost/phone' type='unavailable'/>");
            assertThat(alice.next().type()).isEqualTo("unavailable");
        }
    }

    @Test
    void aMessageWithABodyComesAfterTheHeldPresence() throws Exception {
        try (TestServer server = new TestServer(new CsiModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            state(server, alice, "inactive");
            server.send(bob, "<presence to='alice@localhost/phone'><show>chat</show></presence>");
            alice.assertNothingMore();
            server.send(bob, "<message to='alice@localhost/phone' type='chat'><body>wake up</body></message>");
            assertThat(alice.next().isPresence()).isTrue();
            assertThat(alice.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("wake up");

            // Still inactive: presence is held again.
            server.send(bob, "<presence to='alice@localhost/phone'><show>away</show></presence>");
            alice.assertNothingMore();
            assertThat(alice.get(CsiModule.QUEUE).heldCount()).isEqualTo(1);
        }
    }

    @Test
    void aResumedSessionIsActiveAgain() throws Exception {
        try (TestServer server = new TestServer(new CsiModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            state(server, alice, "inactive");
            server.send(bob, "<presence to='alice@localhost/phone'><show>away</show></presence>");
            alice.assertNothingMore();
            server.context().events().publish(new org.passerelle.core.event.SessionResumed(alice));
            assertThat(alice.next().isPresence()).isTrue();
            server.send(bob, "<presence to='alice@localhost/phone'/>");
            assertThat(alice.next().isPresence()).isTrue();
        }
    }

    @Test
    void heldPresenceIsBounded() throws Exception {
        try (TestServer server = new TestServer("modules:\n  csi:\n    maxHeld: 2\n", new CsiModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            state(server, alice, "inactive");
            for (String who : new String[] {"a", "b", "c"}) {
                server.send(server.login(who + "@localhost/x"), "<presence to='alice@localhost/phone'/>");
            }
            assertThat(alice.next().from().toString()).isEqualTo("a@localhost/x");
            assertThat(alice.next().from().toString()).isEqualTo("b@localhost/x");
            assertThat(alice.next().from().toString()).isEqualTo("c@localhost/x");
            alice.assertNothingMore();
        }
    }

    @Test
    void activeClientsGetPresenceAtOnce() {
        try (TestServer server = new TestServer(new CsiModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<presence to='alice@localhost/phone'/>");
            assertThat(alice.next().isPresence()).isTrue();
            state(server, alice, "inactive");
            state(server, alice, "active");
            server.send(bob, "<presence to='alice@localhost/phone'/>");
            assertThat(alice.next().isPresence()).isTrue();
        }
    }

    /** What the c2s frontend does with a top-level element in the CSI namespace. */
    private static void state(TestServer server, TestSession session, String state) {
        server.context().features().streamElement(CsiModule.NS).accept(session, Xml.parse("<" + state + " xmlns='urn:xmpp:csi:0'/>"));
    }
}
