package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.aliceAndBobInTea;
import static org.passerelle.modules.muc.MucFixture.codes;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.enter;
import static org.passerelle.modules.muc.MucFixture.enterSeenBy;
import static org.passerelle.modules.muc.MucFixture.item;
import static org.passerelle.modules.muc.MucFixture.join;
import static org.passerelle.modules.muc.MucFixture.room;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/** Roles and affiliations through muc#admin, and the entry checks they drive (XEP-0045 §7.2, §8, §9, §10). */
class MucModerationTest {
    private static String admin(String type, String items) {
        return "<iq type='" + type + "' id='adm' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                + items + "</query></iq>";
    }

    @Test
    void moderatorRevokesVoiceAndKicks() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);

            server.send(bob, admin("set", "<item nick='Alice' role='none'/>"));
            assertThat(condition(bob.next())).as("participants do not kick").isEqualTo("forbidden");

            server.send(alice, admin("set", "<item nick='Bob' role='visitor'><reason>calm down</reason></item>"));
            Stanza muted = bob.next();
            assertThat(item(muted).attr("role")).isEqualTo("visitor");
            assertThat(item(muted).childText("reason", Muc.USER)).isEqualTo("calm down");
            assertThat(item(alice.next()).attr("role")).isEqualTo("visitor");
            assertThat(alice.next().type()).isEqualTo("result");
            server.send(bob, "<message type='groupchat' to='tea@conference.localhost'><body>!</body></message>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");

            server.send(alice, admin("get", "<item role='visitor'/>"));
            List<Element> visitors = alice.next().element().firstElement().children("item", Muc.ADMIN);
            assertThat(visitors).extracting(e -> e.attr("nick")).containsExactly("Bob");

            server.send(alice, admin("set", "<item nick='Bob' role='none'><reason>out</reason></item>"));
            Stanza kicked = bob.next();
            assertThat(kicked.type()).isEqualTo("unavailable");
            assertThat(codes(kicked)).containsExactly(110, 307);
            assertThat(item(kicked).child("actor", Muc.USER).attr("nick")).isEqualTo("Alice");
            assertThat(codes(alice.next())).containsExactly(307);
            assertThat(alice.next().type()).isEqualTo("result");

            enterSeenBy(server, bob, "tea", "Bob", alice);
            server.send(bob, admin("set", "<item nick='Alice' role='visitor'/>"));
            assertThat(condition(bob.next())).isEqualTo("forbidden");
        }
    }

    @Test
    void aVisitorAsksForVoiceAndAModeratorGrantsIt() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createWith(server, alice, "tea", "Alice", "moderatedroom=1");
            server.send(bob, join("tea", "Bob"));
            bob.next();
            assertThat(item(bob.next()).attr("role")).isEqualTo("visitor");
            bob.next();
            alice.next();
            String form = "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#request</value></field>";
            server.send(bob, "<message to='tea@conference.localhost'>" + form
                    + "<field var='muc#role'><value>participant</value></field></x></message>");
            Stanza ask = alice.next();
            DataForm request = DataForm.find(ask.element());
            assertThat(request.type()).isEqualTo("form");
            assertThat(request.value("muc#roomnick")).isEqualTo("Bob");
            assertThat(request.value("muc#jid")).isEqualTo("bob@localhost/b");
            bob.assertNothingMore();

            server.send(alice, "<message to='tea@conference.localhost'>" + form + "<field var='muc#role'><value>participant</value></field>"
                    + "<field var='muc#roomnick'><value>Bob</value></field><field var='muc#request_allow'><value>true</value></field></x></message>");
            assertThat(item(bob.next()).attr("role")).isEqualTo("participant");
            assertThat(item(alice.next()).attr("role")).isEqualTo("participant");
            server.send(bob, "<message type='groupchat' to='tea@conference.localhost'><body>thanks</body></message>");
            assertThat(MucFixture.body(alice.next())).isEqualTo("thanks");
        }
    }

    @Test
    void adminsAndOwnersCannotBeKickedOrMuted() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, admin("set", "<item jid='bob@localhost' affiliation='admin'/>"));
            assertThat(alice.next().type()).isEqualTo("result");
            enter(server, bob, "tea", "Bob", 1);
            assertThat(item(alice.next()).attr("role")).isEqualTo("moderator");
            server.send(bob, admin("set", "<item nick='Alice' role='none'/>"));
            assertThat(condition(bob.next())).isEqualTo("not-allowed");
            server.send(bob, admin("set", "<item jid='alice@localhost' affiliation='outcast'/>"));
            assertThat(condition(bob.next())).as("admins do not touch owners").isEqualTo("not-allowed");
            server.send(alice, admin("set", "<item jid='alice@localhost' affiliation='member'/>"));
            assertThat(condition(alice.next())).as("the last owner stays").isEqualTo("conflict");
        }
    }

    @Test
    void banRemovesTheUserAndKeepsThemOut() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(alice, admin("set", "<item jid='bob@localhost' affiliation='outcast'><reason>spam</reason></item>"));
            Stanza banned = bob.next();
            assertThat(banned.type()).isEqualTo("unavailable");
            assertThat(codes(banned)).containsExactly(110, 301);
            assertThat(item(banned).attr("affiliation")).isEqualTo("outcast");
            assertThat(codes(alice.next())).containsExactly(301);
            assertThat(alice.next().type()).isEqualTo("result");

            server.send(bob, join("tea", "Bob"));
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            server.send(alice, admin("get", "<item affiliation='outcast'/>"));
            Element listed = alice.next().element().firstElement().child("item", Muc.ADMIN);
            assertThat(listed.attr("jid")).isEqualTo("bob@localhost");
            assertThat(listed.childText("reason", Muc.ADMIN)).isEqualTo("spam");
            server.send(bob, admin("get", "<item affiliation='outcast'/>"));
            assertThat(condition(bob.next())).isEqualTo("forbidden");
        }
    }

    @Test
    void ownerListsAlsoAnswerInTheOwnerNamespace() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, "<iq type='set' id='o' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<item jid='bob@localhost' affiliation='owner'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            server.send(alice, "<iq type='get' id='o' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<item affiliation='owner'/></query></iq>");
            Element q = alice.next().element().firstElement();
            assertThat(q.namespace()).isEqualTo(Muc.OWNER);
            assertThat(q.children("item", Muc.OWNER)).extracting(e -> e.attr("jid")).containsExactlyInAnyOrder("alice@localhost", "bob@localhost");
            enter(server, bob, "tea", "Bob", 1);
            server.send(bob, "<iq type='get' id='f' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
            assertThat(bob.next().type()).as("the new owner configures").isEqualTo("result");
        }
    }

    @Test
    void aRequestWithOneBadItemChangesNothing() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, admin("set", "<item jid='bob@localhost' affiliation='member'/><item jid='carol@localhost' affiliation='boss'/>"));
            assertThat(condition(alice.next())).isEqualTo("bad-request");
            server.send(alice, admin("get", "<item affiliation='member'/>"));
            assertThat(alice.next().element().firstElement().children("item", Muc.ADMIN)).isEmpty();
            server.send(alice, admin("set", "<item nick='Ghost' role='none'/>"));
            assertThat(condition(alice.next())).isEqualTo("item-not-found");
        }
    }

    @Test
    void membersOnlyRoomsAdmitMembersAndRemoveThoseWhoAreNotAnyMore() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession carol = server.login("carol@localhost/c");
            createInstant(server, alice, "tea", "Alice");
            enterSeenBy(server, carol, "tea", "Carol", alice);
            server.send(alice, MucFixture.configure("tea", "membersonly=1"));
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(codes(carol.next())).as("non-members leave when the room becomes members-only").containsExactly(110, 322);
            assertThat(codes(alice.next())).containsExactly(322);
            alice.next(); // 104

            server.send(bob, join("tea", "Bob"));
            assertThat(condition(bob.next())).isEqualTo("registration-required");
            server.send(alice, admin("set", "<item jid='bob@localhost' affiliation='member'/>"));
            assertThat(alice.next().type()).isEqualTo("result");
            enterSeenBy(server, bob, "tea", "Bob", alice);
            server.send(alice, admin("set", "<item jid='bob@localhost' affiliation='none'/>"));
            assertThat(codes(bob.next())).containsExactly(110, 321);
        }
    }

    @Test
    void passwordAndSizeAreChecked() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession carol = server.login("carol@localhost/c");
            createWith(server, alice, "tea", "Alice", "roomsecret=pw", "maxusers=2");
            server.send(bob, join("tea", "Bob"));
            assertThat(condition(bob.next())).isEqualTo("not-authorized");
            server.send(bob, "<presence to='tea@conference.localhost/Bob'><x xmlns='http://jabber.org/protocol/muc'><password>no</password></x></presence>");
            assertThat(condition(bob.next())).isEqualTo("not-authorized");
            server.send(bob, "<presence to='tea@conference.localhost/Bob'><x xmlns='http://jabber.org/protocol/muc'><password>pw</password></x></presence>");
            bob.next();
            assertThat(codes(bob.next())).contains(110);
            server.send(carol, "<presence to='tea@conference.localhost/Carol'><x xmlns='http://jabber.org/protocol/muc'><password>pw</password></x></presence>");
            assertThat(condition(carol.next())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void ownerDestroysWithReasonAndAlternateVenue() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob, "persistentroom=1");
            server.send(bob, "<iq type='set' id='d' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'><destroy/></query></iq>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            server.send(alice, "<iq type='set' id='d' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<destroy jid='coffee@conference.localhost'><reason>moved</reason></destroy></query></iq>");
            Stanza gone = bob.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            Element destroy = MucFixture.x(gone).child("destroy", Muc.USER);
            assertThat(destroy.attr("jid")).isEqualTo("coffee@conference.localhost");
            assertThat(destroy.childText("reason", Muc.USER)).isEqualTo("moved");
            assertThat(item(gone).attr("affiliation")).isEqualTo("none");
            assertThat(alice.next().type()).isEqualTo("unavailable");
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(server.context().stores().rooms().room(org.passerelle.core.stanza.Jids.of(room("tea")).asEntityBareJidOrThrow()))
                    .as("a destroyed persistent room leaves the store").isEmpty();
            // XEP-0045 §10.9: a join to the destroyed room is refused with gone, and no room is created under its name.
            server.send(bob, join("tea", "Bob"));
            Stanza refused = bob.next();
            assertThat(refused.type()).isEqualTo("error");
            assertThat(condition(refused)).isEqualTo("gone");
            assertThat(refused.element().child("error", "jabber:client").childText("text", "urn:ietf:params:xml:ns:xmpp-stanzas"))
                    .contains("moved").contains("xmpp:coffee@conference.localhost?join");
            bob.assertNothingMore();
            server.send(bob, "<iq type='get' id='i' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("item-not-found");
        }
    }

    @Test
    void aCancelledCreationLeavesNoTombstone() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            server.send(alice, join("tea", "Alice"));
            alice.next(); // the self-presence of a new, locked room (201)
            server.send(alice, "<iq type='set' id='c' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='cancel'/></query></iq>");
            while (!"result".equals(alice.next().type())) { } // the unavailable presence, then the result
            createInstant(server, alice, "tea", "Alice"); // the name is free again
        }
    }
}
