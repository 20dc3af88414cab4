package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.modules.muc.MucFixture.body;
import static org.passerelle.modules.muc.MucFixture.codes;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.enter;
import static org.passerelle.modules.muc.MucFixture.join;
import static org.passerelle.modules.muc.MucFixture.room;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigException;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

/** The service: restart with persistent rooms, who may create rooms, limits, invitations, many clients at once. */
class MucServiceTest {
    @Test
    void persistentRoomsSurviveARestartWithConfigAffiliationsAndSubject() {
        MemoryStores stores = new MemoryStores();
        try (TestServer server = new TestServer(org.passerelle.core.config.ServerConfig.defaults(), stores, new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "tea", "Alice", "persistentroom=1", "roomname=Tea", "membersonly=1");
            createInstant(server, alice, "fleeting", "Alice");
            server.send(alice, "<iq type='set' id='m' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item jid='bob@localhost' affiliation='member'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            server.send(alice, "<message type='groupchat' to='tea@conference.localhost'><subject>Oolong</subject></message>");
            alice.next();
        }
        try (TestServer server = new TestServer(org.passerelle.core.config.ServerConfig.defaults(), stores, new MucModule())) {
            TestSession bob = server.login("bob@localhost/b");
            TestSession carol = server.login("carol@localhost/c");
            server.send(carol, "<iq type='get' id='i' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(org.passerelle.modules.forms.DataForm.find(carol.next().element().firstElement()).value("muc#roominfo_subject"))
                    .isEqualTo("Oolong");
            server.send(bob, join("tea", "Bob"));
            Stanza self = bob.next();
            assertThat(codes(self)).containsExactly(110);
            assertThat(MucFixture.item(self).attr("affiliation")).isEqualTo("member");
            assertThat(bob.next().element().childText("subject", Namespaces.CLIENT)).isEqualTo("Oolong");
            server.send(carol, join("tea", "Carol"));
            assertThat(condition(carol.next())).as("still members-only").isEqualTo("registration-required");
            server.send(carol, "<iq type='get' id='i' to='conference.localhost'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            List<Element> items = carol.next().element().firstElement().children("item", RoomDisco.ITEMS);
            assertThat(items).extracting(e -> e.attr("name")).containsExactly("Tea");

            server.send(bob, "<presence type='unavailable' to='tea@conference.localhost/Bob'/>");
            bob.next();
            server.send(carol, "<iq type='get' id='i' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(carol.next().type()).as("an empty persistent room stays").isEqualTo("result");
        }
    }

    @Test
    void onlyAdminsCreateRoomsWhenConfiguredSo() {
        try (TestServer server = new TestServer("modules:\n  muc:\n    create: admins\n", new MucModule())) {
            TestSession bob = server.login("bob@localhost/b");
            server.send(bob, join("tea", "Bob"));
            assertThat(condition(bob.next())).isEqualTo("not-allowed");
            server.context().accounts().create(org.passerelle.core.stanza.Jids.of("root@localhost").asEntityBareJidOrThrow(), "pw", true);
            TestSession root = server.login("root@localhost/r");
            createInstant(server, root, "tea", "Root");
            enter(server, bob, "tea", "Bob", 1);
        }
    }

    @Test
    void domainsListAndRoomLimitAreEnforced() {
        String yaml = "domains: [{name: localhost}, {name: example.org}]\nmodules:\n  muc:\n    create: domains\n    createDomains: [example.org]\n    maxRooms: 1\n";
        try (TestServer server = new TestServer(yaml, new MucModule())) {
            TestSession local = server.login("bob@localhost/b");
            TestSession other = server.login("ann@example.org/a");
            server.send(local, join("tea", "Bob"));
            assertThat(condition(local.next())).isEqualTo("not-allowed");
            createInstant(server, other, "tea", "Ann");
            server.send(other, join("coffee", "Ann"));
            assertThat(condition(other.next())).isEqualTo("resource-constraint");
            server.send(other, "<presence to='tea@conference.example.org/Ann'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            assertThat(codes(other.next())).as("each hosted domain has its own service").contains(201);
        }
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> ConfigLoader.moduleOptions(ConfigLoader.parse("modules:\n  muc:\n    create: friends\n", "t"), "muc", MucOptions.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("create");
        assertThatThrownBy(() -> ConfigLoader.moduleOptions(ConfigLoader.parse("modules:\n  muc:\n    create: domains\n", "t"), "muc", MucOptions.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("createDomains");
        assertThatThrownBy(() -> ConfigLoader.moduleOptions(ConfigLoader.parse(
                "modules:\n  muc:\n    maxUsers: 10\n    defaults: {maxUsers: 50}\n", "t"), "muc", MucOptions.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("defaults.maxUsers");
        assertThatThrownBy(() -> ConfigLoader.moduleOptions(ConfigLoader.parse(
                "modules:\n  muc:\n    defaults: {whois: all}\n", "t"), "muc", MucOptions.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("whois");
    }

    @Test
    void defaultsShapeNewRooms() {
        try (TestServer server = new TestServer("modules:\n  muc:\n    subdomain: rooms\n    defaults: {moderated: true, publicRoom: false}\n", new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            server.send(alice, "<presence to='tea@rooms.localhost/Alice'/>");
            alice.next();
            alice.next();
            server.send(bob, "<presence to='tea@rooms.localhost/Bob'/>");
            bob.next();
            assertThat(MucFixture.item(bob.next()).attr("role")).isEqualTo("visitor");
        }
    }

    @Test
    void mediatedInvitationsAndDeclines() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession carol = server.login("carol@localhost/c");
            createWith(server, alice, "tea", "Alice", "membersonly=1", "roomsecret=pw");
            server.send(alice, "<message to='tea@conference.localhost'><x xmlns='http://jabber.org/protocol/muc#user'>"
                    + "<invite to='bob@localhost/b'><reason>join us</reason></invite></x></message>");
            Stanza invitation = bob.next();
            assertThat(invitation.from().toString()).isEqualTo("tea@conference.localhost");
            Element x = invitation.element().child("x", Muc.USER);
            assertThat(x.child("invite", Muc.USER).attr("from")).isEqualTo("alice@localhost/a");
            assertThat(x.child("invite", Muc.USER).childText("reason", Muc.USER)).isEqualTo("join us");
            assertThat(x.childText("password", Muc.USER)).isEqualTo("pw");
            assertThat(body(invitation)).contains("tea@conference.localhost");

            server.send(bob, "<presence to='tea@conference.localhost/Bob'><x xmlns='http://jabber.org/protocol/muc'><password>pw</password></x></presence>");
            bob.next();
            assertThat(MucFixture.item(bob.next()).attr("affiliation")).as("the invitee became a member").isEqualTo("member");
            bob.next();
            alice.next();

            server.send(bob, "<message to='tea@conference.localhost'><x xmlns='http://jabber.org/protocol/muc#user'>"
                    + "<invite to='carol@localhost'/></x></message>");
            assertThat(condition(bob.next())).as("members do not invite unless allowinvites").isEqualTo("forbidden");

            server.send(carol, "<message to='tea@conference.localhost'><x xmlns='http://jabber.org/protocol/muc#user'>"
                    + "<decline to='alice@localhost/a'><reason>busy</reason></decline></x></message>");
            Stanza decline = alice.next();
            assertThat(decline.from().toString()).isEqualTo("tea@conference.localhost");
            Element d = decline.element().child("x", Muc.USER).child("decline", Muc.USER);
            assertThat(d.attr("from")).isEqualTo("carol@localhost");
            assertThat(d.childText("reason", Muc.USER)).isEqualTo("busy");
        }
    }

    @Test
    void everyOccupantSeesConcurrentMessagesInTheSameOrder() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            int n = 6;
            int each = 25;
            List<TestSession> sessions = new ArrayList<>();
            for (int i = 0; i < n; i++) sessions.add(server.login("u" + i + "@localhost/r"));
            createInstant(server, sessions.getFirst(), "busy", "u0");
            for (int i = 1; i < n; i++) {
                enter(server, sessions.get(i), "busy", "u" + i, i);
                for (int j = 0; j < i; j++) sessions.get(j).next();
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TestSession s = sessions.get(i);
                int sender = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int k = 0; k < each; k++) {
                        server.send(s, "<message type='groupchat' to='busy@conference.localhost'><body>" + sender + "-" + k + "</body></message>");
                    }
                }));
            }
            start.countDown();
            for (Thread t : threads) t.join();
            List<List<String>> seen = new ArrayList<>();
            for (TestSession s : sessions) {
                List<String> bodies = new ArrayList<>();
                for (int k = 0; k < n * each; k++) bodies.add(body(s.next()));
                seen.add(bodies);
            }
            for (List<String> other : seen) assertThat(other).isEqualTo(seen.getFirst());
            for (int i = 0; i < n; i++) {
                String prefix = i + "-";
                assertThat(seen.getFirst().stream().filter(b -> b.startsWith(prefix)).toList()).as("each sender's own order")
                        .isEqualTo(java.util.stream.IntStream.range(0, each).mapToObj(k -> prefix + k).toList());
            }
        }
    }

    @Test
    void manyClientsJoiningAtOnceGetDistinctPlaces() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            int n = 16;
            List<TestSession> sessions = new ArrayList<>();
            for (int i = 0; i < n; i++) sessions.add(server.login("u" + i + "@localhost/r"));
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TestSession s = sessions.get(i);
                String nick = i % 2 == 0 ? "same" : "nick" + i; // half of them want the same nickname
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    server.send(s, "<presence to='busy@conference.localhost/" + nick + "'/>");
                }));
            }
            start.countDown();
            for (Thread t : threads) t.join();
            int entered = 0;
            int conflicts = 0;
            for (TestSession s : sessions) {
                Stanza last = null;
                for (Stanza st = s.poll(java.time.Duration.ofMillis(200)); st != null; st = s.poll(java.time.Duration.ofMillis(50))) {
                    if ("error".equals(st.type())) conflicts++;
                    if (st.isPresence() && st.element().child("x", Muc.USER) != null && codes(st).contains(110)) last = st;
                }
                if (last != null) entered++;
            }
            assertThat(entered).isEqualTo(n / 2 + 1);
            assertThat(conflicts).isEqualTo(n / 2 - 1);
            server.send(sessions.getFirst(), "<iq type='get' id='i' to='busy@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Stanza info = sessions.getFirst().next();
            assertThat(org.passerelle.modules.forms.DataForm.find(info.element().firstElement()).value("muc#roominfo_occupants"))
                    .isEqualTo(Integer.toString(n / 2 + 1));
        }
    }
}
