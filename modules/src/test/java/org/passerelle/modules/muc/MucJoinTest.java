package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.aliceAndBobInTea;
import static org.passerelle.modules.muc.MucFixture.codes;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.enter;
import static org.passerelle.modules.muc.MucFixture.enterSeenBy;
import static org.passerelle.modules.muc.MucFixture.item;
import static org.passerelle.modules.muc.MucFixture.join;
import static org.passerelle.modules.muc.MucFixture.room;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;

/** Entering, presence, nickname changes and leaving (XEP-0045 §7.2 to §7.6, §7.14). */
class MucJoinTest {
    @Test
    void creatorGetsALockedRoomThatOthersCannotEnterUntilConfigured() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            server.send(alice, join("tea", "Alice"));
            Stanza self = alice.next();
            assertThat(self.from().toString()).isEqualTo("tea@conference.localhost/Alice");
            assertThat(codes(self)).containsExactly(110, 201);
            assertThat(item(self).attr("affiliation")).isEqualTo("owner");
            assertThat(item(self).attr("role")).isEqualTo("moderator");
            assertThat(alice.next().element().childText("subject", Namespaces.CLIENT)).isEmpty();

            server.send(bob, join("tea", "Bob"));
            assertThat(condition(bob.next())).isEqualTo("item-not-found");

            server.send(alice, "<iq type='set' id='i' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            alice.assertNothingMore();
            enter(server, bob, "tea", "Bob", 1);
        }
    }

    @Test
    void joinSendsOthersThenSelfAndTellsTheOthers() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            server.send(bob, "<presence to='tea@conference.localhost/Bob'><show>away</show><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            Stanza first = bob.next();
            assertThat(first.from().toString()).isEqualTo("tea@conference.localhost/Alice");
            assertThat(item(first).attr("jid")).as("semi-anonymous: only moderators see JIDs").isNull();
            Stanza self = bob.next();
            assertThat(codes(self)).containsExactly(110);
            assertThat(item(self).attr("role")).isEqualTo("participant");
            assertThat(item(self).attr("affiliation")).isEqualTo("none");
            String occupantId = self.element().child("occupant-id", Muc.OCCUPANT_ID).attr("id");
            assertThat(occupantId).isNotBlank();

            Stanza seen = alice.next();
            assertThat(seen.from().toString()).isEqualTo("tea@conference.localhost/Bob");
            assertThat(item(seen).attr("jid")).as("the moderator sees the real JID").isEqualTo("bob@localhost/b");
            assertThat(seen.element().childText("show", Namespaces.CLIENT)).isEqualTo("away");
            assertThat(seen.element().child("occupant-id", Muc.OCCUPANT_ID).attr("id")).isEqualTo(occupantId);
            assertThat(codes(seen)).isEmpty();
        }
    }

    @Test
    void nicknamesCollideAfterNormalisation() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            server.send(bob, join("tea", "ALICE"));
            assertThat(condition(bob.next())).isEqualTo("conflict");
            server.send(bob, join("tea", "\uFF21lice")); // fullwidth A
            assertThat(condition(bob.next())).isEqualTo("conflict");
            server.send(bob, join("tea", "\u3000 ")); // spaces only
            assertThat(condition(bob.next())).isEqualTo("jid-malformed");
            alice.assertNothingMore();
        }
    }

    @Test
    void twoClientsOfOneUserShareANickname() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession phone = server.login("bob@localhost/phone");
            TestSession laptop = server.login("bob@localhost/laptop");
            createInstant(server, alice, "tea", "Alice");
            enterSeenBy(server, phone, "tea", "Bob", alice);
            server.send(laptop, join("tea", "bob"));
            assertThat(laptop.next().from().toString()).isEqualTo("tea@conference.localhost/Alice");
            Stanza self = laptop.next();
            assertThat(self.from().toString()).as("the nickname keeps its first spelling").isEqualTo("tea@conference.localhost/Bob");
            assertThat(codes(self)).containsExactly(110);
            laptop.next(); // subject
            assertThat(codes(phone.next())).as("the other client sees itself").containsExactly(110);
            assertThat(alice.next().from().toString()).isEqualTo("tea@conference.localhost/Bob");

            server.send(alice, "<iq type='get' id='d' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(org.passerelle.modules.forms.DataForm.find(alice.next().element().firstElement()).value("muc#roominfo_occupants"))
                    .isEqualTo("2");
            server.send(alice, "<message type='chat' to='tea@conference.localhost/Bob'><body>both?</body></message>");
            assertThat(MucFixture.body(phone.next())).isEqualTo("both?");
            assertThat(MucFixture.body(laptop.next())).isEqualTo("both?");

            server.send(phone, "<presence type='unavailable' to='tea@conference.localhost/Bob'/>");
            Stanza left = phone.next();
            assertThat(left.type()).isEqualTo("unavailable");
            assertThat(codes(left)).containsExactly(110);
            Stanza still = alice.next();
            assertThat(still.type()).as("Bob is still there on the laptop").isNull();
            assertThat(still.from().toString()).isEqualTo("tea@conference.localhost/Bob");
            laptop.next();

            server.send(alice, "<iq type='set' id='k' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item nick='Bob' role='none'/></query></iq>");
            assertThat(codes(laptop.next())).containsExactly(110, 307);
            assertThat(codes(alice.next())).containsExactly(307);
            phone.assertNothingMore();
        }
    }

    @Test
    void nicknameChangeAnnouncesUnavailableWith303ThenTheNewName() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, join("tea", "Alice"));
            assertThat(condition(bob.next())).isEqualTo("conflict");

            server.send(bob, "<presence to='tea@conference.localhost/Robert'/>");
            Stanza gone = alice.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            assertThat(codes(gone)).containsExactly(303);
            assertThat(item(gone).attr("nick")).isEqualTo("Robert");
            Stanza back = alice.next();
            assertThat(back.from().toString()).isEqualTo("tea@conference.localhost/Robert");
            assertThat(back.type()).isNull();
            assertThat(codes(bob.next())).containsExactly(110, 303);
            assertThat(codes(bob.next())).containsExactly(110);

            server.send(alice, "<message type='groupchat' to='tea@conference.localhost'><body>hi</body></message>");
            assertThat(alice.next().from().toString()).isEqualTo("tea@conference.localhost/Alice");
            assertThat(bob.next().from().toString()).isEqualTo("tea@conference.localhost/Alice");
        }
    }

    @Test
    void leavingAndSessionEndRemoveTheOccupantAndAnEmptyTemporaryRoomVanishes() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, "<presence type='unavailable' to='tea@conference.localhost/Bob'><status>bye</status></presence>");
            Stanza left = alice.next();
            assertThat(left.type()).isEqualTo("unavailable");
            assertThat(left.element().childText("status", Namespaces.CLIENT)).isEqualTo("bye");
            assertThat(item(left).attr("role")).isEqualTo("none");
            assertThat(codes(bob.next())).containsExactly(110);

            server.logout(alice);
            server.send(bob, "<iq type='get' id='d' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(condition(bob.next())).as("the temporary room is gone").isEqualTo("item-not-found");
        }
    }

    @Test
    void broadcastUnavailablePresenceLeavesTheRooms() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.context().events().publish(new org.passerelle.core.event.PresenceUnavailable(bob,
                    org.passerelle.core.stanza.Stanza.of(org.passerelle.core.testing.Xml.parse("<presence type='unavailable'/>"), bob.jid(), null)));
            Stanza left = alice.next();
            assertThat(left.type()).isEqualTo("unavailable");
            assertThat(left.from().toString()).isEqualTo("tea@conference.localhost/Bob");
        }
    }

    @Test
    void anOccupantWhoseClientBouncesIsRemovedWith333() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, "<message type='error' to='tea@conference.localhost/Alice'><error type='cancel'>"
                    + "<recipient-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
            Stanza gone = alice.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            assertThat(gone.from().toString()).isEqualTo("tea@conference.localhost/Bob");
            assertThat(codes(gone)).containsExactly(333);
        }
    }

    @Test
    void selfPingIsAnsweredByTheRoom() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, "<iq type='get' id='p' to='tea@conference.localhost/Alice'><ping xmlns='urn:xmpp:ping'/></iq>");
            Stanza pong = alice.next();
            assertThat(pong.type()).isEqualTo("result");
            assertThat(pong.from().toString()).isEqualTo("tea@conference.localhost/Alice");
            server.send(bob, "<iq type='get' id='p' to='tea@conference.localhost/Alice'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(condition(bob.next())).as("not an occupant").isEqualTo("not-acceptable");
        }
    }

    @Test
    void presenceToTheBareRoomIsAnError() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, "<presence to='tea@conference.localhost'/>");
            assertThat(condition(alice.next())).isEqualTo("jid-malformed");
        }
    }
}
