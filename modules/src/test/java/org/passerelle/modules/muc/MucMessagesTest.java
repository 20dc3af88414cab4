package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.aliceAndBobInTea;
import static org.passerelle.modules.muc.MucFixture.body;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.join;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;

/** Groupchat, subject, private messages and history (XEP-0045 §7.4, §7.5, §7.2.14, §8.1). */
class MucMessagesTest {
    private static String groupchat(String body) {
        return "<message type='groupchat' id='m-" + body + "' to='tea@conference.localhost'><body>" + body + "</body></message>";
    }

    @Test
    void groupchatReachesEveryOccupantWithTheSendersNickAndOccupantId() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            List<GroupchatMessage> archived = new ArrayList<>();
            server.context().events().on(GroupchatMessage.class, 0, e -> archived.add(e));
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession eve = server.login("eve@localhost/e");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, "<message type='groupchat' id='m1' to='tea@conference.localhost'><body>hello</body>"
                    + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='forged'/></message>");
            for (TestSession s : List.of(alice, bob)) {
                Stanza m = s.next();
                assertThat(m.from().toString()).isEqualTo("tea@conference.localhost/Bob");
                assertThat(m.id()).isEqualTo("m1");
                assertThat(body(m)).isEqualTo("hello");
                assertThat(m.element().children("occupant-id", Muc.OCCUPANT_ID)).hasSize(1);
                assertThat(m.element().child("occupant-id", Muc.OCCUPANT_ID).attr("id")).isNotEqualTo("forged");
            }
            assertThat(archived).singleElement().satisfies(e -> {
                assertThat(e.room().toString()).isEqualTo("tea@conference.localhost");
                assertThat(e.sender().toString()).isEqualTo("bob@localhost/b");
            });

            server.send(eve, groupchat("intruder"));
            assertThat(condition(eve.next())).isEqualTo("not-acceptable");
            server.send(bob, "<message type='chat' to='tea@conference.localhost'><body>x</body></message>");
            assertThat(condition(bob.next())).isEqualTo("bad-request");
            alice.assertNothingMore();
        }
    }

    @Test
    void anArchiveListenerAddsItsStanzaIdAndAnswersRoomQueries() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            server.context().events().on(GroupchatMessage.class, 0, e -> {
                e.add(org.passerelle.xml.Element.builder("stanza-id", "urn:xmpp:sid:0").attr("by", e.room().toString()).attr("id", "42").build());
                return false;
            });
            server.context().events().on(org.passerelle.core.event.RoomIqRequest.class, 0, e -> {
                if (!e.iq().element().firstElement().namespace().equals("urn:xmpp:mam:2")) return false;
                server.route(e.iq().result(null));
                return true;
            });
            TestSession alice = server.login("alice@localhost/a");
            TestSession eve = server.login("eve@localhost/e");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, "<message type='groupchat' to='tea@conference.localhost'><body>kept</body>"
                    + "<stanza-id xmlns='urn:xmpp:sid:0' by='tea@conference.localhost' id='forged'/>"
                    + "<x xmlns='http://jabber.org/protocol/muc#user'><item jid='mallory@localhost'/></x></message>");
            Stanza echo = alice.next();
            assertThat(echo.element().child("x", Muc.USER)).as("no real JID the room did not give").isNull();
            assertThat(echo.element().children("stanza-id", "urn:xmpp:sid:0")).as("the client's claim is removed")
                    .extracting(e -> e.attr("id")).containsExactly("42");
            TestSession bob = server.login("bob@localhost/b");
            server.send(bob, join("tea", "Bob"));
            bob.next();
            bob.next();
            assertThat(bob.next().element().child("stanza-id", "urn:xmpp:sid:0")).as("in the history too").isNotNull();

            server.send(eve, "<iq type='set' id='q' to='tea@conference.localhost'><query xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(eve.next().type()).isEqualTo("result");
            server.send(eve, "<iq type='get' id='v' to='tea@conference.localhost'><query xmlns='jabber:iq:version'/></iq>");
            assertThat(condition(eve.next())).as("nobody serves it").isEqualTo("service-unavailable");
            server.send(alice, "<iq type='set' id='b' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item jid='eve@localhost' affiliation='outcast'/></query></iq>");
            alice.next();
            server.send(eve, "<iq type='set' id='q' to='tea@conference.localhost'><query xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(condition(eve.next())).as("banned users do not read the archive").isEqualTo("forbidden");
        }
    }

    @Test
    void subjectIsForModeratorsUnlessTheRoomAllowsEveryone() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, "<message type='groupchat' to='tea@conference.localhost'><subject>mine</subject></message>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            server.send(alice, "<message type='groupchat' to='tea@conference.localhost'><subject>Darjeeling</subject></message>");
            assertThat(bob.next().element().childText("subject", Namespaces.CLIENT)).isEqualTo("Darjeeling");
            alice.next();

            TestSession carol = server.login("carol@localhost/c");
            server.send(carol, join("tea", "Carol"));
            carol.next();
            carol.next();
            carol.next();
            Stanza subject = carol.next();
            assertThat(subject.from().toString()).isEqualTo("tea@conference.localhost/Alice");
            assertThat(subject.element().childText("subject", Namespaces.CLIENT)).isEqualTo("Darjeeling");
        }
    }

    @Test
    void privateMessagesGoToTheOccupantsRealJidWithMucUserMark() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession eve = server.login("eve@localhost/e");
            aliceAndBobInTea(server, alice, bob);
            server.send(bob, "<message type='chat' to='tea@conference.localhost/Alice'><body>psst</body></message>");
            Stanza pm = alice.next();
            assertThat(pm.from().toString()).isEqualTo("tea@conference.localhost/Bob");
            assertThat(pm.to().toString()).isEqualTo("alice@localhost/a");
            assertThat(pm.element().child("x", Muc.USER)).isNotNull();
            assertThat(pm.element().child("occupant-id", Muc.OCCUPANT_ID)).as("XEP-0421 on private messages too").isNotNull();
            server.send(bob, "<message type='chat' to='tea@conference.localhost/Nobody'><body>?</body></message>");
            assertThat(condition(bob.next())).isEqualTo("item-not-found");
            server.send(bob, "<message type='groupchat' to='tea@conference.localhost/Alice'><body>?</body></message>");
            assertThat(condition(bob.next())).isEqualTo("bad-request");
            server.send(eve, "<message type='chat' to='tea@conference.localhost/Alice'><body>?</body></message>");
            assertThat(condition(eve.next())).isEqualTo("not-acceptable");
        }
    }

    @Test
    void privateMessagesFollowAllowPm() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob, "allowpm=moderators");
            server.send(bob, "<message type='chat' to='tea@conference.localhost/Alice'><body>psst</body></message>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            server.send(alice, "<message type='chat' to='tea@conference.localhost/Bob'><body>ok</body></message>");
            assertThat(body(bob.next())).isEqualTo("ok");
        }
    }

    @Test
    void historyIsReplayedWithDelayWithinTheRequestedLimits() throws Exception {
        try (TestServer server = new TestServer("modules:\n  muc:\n    maxHistory: 3\n", new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createInstant(server, alice, "tea", "Alice");
            for (String b : List.of("one", "two", "three", "four")) {
                server.send(alice, groupchat(b));
                alice.next();
            }
            TestSession bob = server.login("bob@localhost/b");
            server.send(bob, join("tea", "Bob"));
            bob.next();
            bob.next();
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Stanza m = bob.next();
                assertThat(m.from().toString()).isEqualTo("tea@conference.localhost/Alice");
                assertThat(m.element().child("delay", Namespaces.DELAY).attr("from")).isEqualTo("tea@conference.localhost");
                replayed.add(body(m));
            }
            assertThat(replayed).as("the room keeps maxHistory messages").containsExactly("two", "three", "four");
            assertThat(bob.next().element().child("subject", Namespaces.CLIENT)).isNotNull();

            TestSession carol = server.login("carol@localhost/c");
            server.send(carol, "<presence to='tea@conference.localhost/Carol'><x xmlns='http://jabber.org/protocol/muc'>"
                    + "<history maxstanzas='1'/></x></presence>");
            carol.next();
            carol.next();
            carol.next();
            assertThat(body(carol.next())).isEqualTo("four");
            assertThat(carol.next().element().child("subject", Namespaces.CLIENT)).isNotNull();

            TestSession dave = server.login("dave@localhost/d");
            server.send(dave, "<presence to='tea@conference.localhost/Dave'><x xmlns='http://jabber.org/protocol/muc'>"
                    + "<history maxchars='0'/></x></presence>");
            for (int i = 0; i < 4; i++) dave.next();
            assertThat(dave.next().element().child("subject", Namespaces.CLIENT)).as("no history with maxchars=0").isNotNull();

            TestSession erin = server.login("erin@localhost/e");
            server.send(erin, "<presence to='tea@conference.localhost/Erin'><x xmlns='http://jabber.org/protocol/muc'>"
                    + "<history since='2999-01-01T00:00:00Z'/></x></presence>");
            for (int i = 0; i < 5; i++) erin.next();
            assertThat(erin.next().element().child("subject", Namespaces.CLIENT)).as("nothing since the future").isNotNull();
        }
    }

    @Test
    void visitorsCannotSpeakInModeratedRooms() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createWith(server, alice, "tea", "Alice", "moderatedroom=1");
            server.send(bob, join("tea", "Bob"));
            bob.next();
            assertThat(MucFixture.item(bob.next()).attr("role")).isEqualTo("visitor");
            bob.next();
            alice.next();
            server.send(bob, groupchat("may I?"));
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            alice.assertNothingMore();
        }
    }
}
