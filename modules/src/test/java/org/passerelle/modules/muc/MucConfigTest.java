package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.aliceAndBobInTea;
import static org.passerelle.modules.muc.MucFixture.codes;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.configure;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.enter;
import static org.passerelle.modules.muc.MucFixture.join;
import static org.passerelle.modules.muc.MucFixture.room;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/** The owner's configuration form, its checks and what each option does (XEP-0045 §10.1, §10.2). */
class MucConfigTest {
    private static final String INFO = "<iq type='get' id='info' to='tea@conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>";

    private static List<String> features(Stanza info) {
        return info.element().firstElement().children("feature", RoomDisco.INFO).stream().map(e -> e.attr("var")).toList();
    }

    @Test
    void ownerGetsTheFormWithCurrentValues() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createWith(server, alice, "tea", "Alice", "roomname=Tea room", "maxusers=20");
            server.send(alice, "<iq type='get' id='f' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
            DataForm form = DataForm.find(alice.next().element().firstElement());
            assertThat(form.formType()).isEqualTo(Muc.ROOMCONFIG);
            assertThat(form.value("muc#roomconfig_roomname")).isEqualTo("Tea room");
            assertThat(form.value("muc#roomconfig_maxusers")).isEqualTo("20");
            assertThat(form.value("muc#roomconfig_whois")).isEqualTo("moderators");
            enter(server, bob, "tea", "Bob", 1);
            server.send(bob, "<iq type='get' id='f' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
        }
    }

    @Test
    void badFormsChangeNothing() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "tea", "Alice", "roomname=Before");
            for (String[] bad : List.of(new String[] {"roomname=After", "persistentroom=maybe"}, new String[] {"roomname=After", "unknown=1"},
                    new String[] {"roomname=After", "maxusers=lots"}, new String[] {"roomname=After", "maxusers=100000"},
                    new String[] {"roomname=After", "whois=everybody"}, new String[] {"roomname=After", "passwordprotectedroom=1"},
                    new String[] {"roomname=After", "allowpm=friends"})) {
                server.send(alice, configure("tea", bad));
                assertThat(condition(alice.next())).as(String.join(",", bad)).isEqualTo("bad-request");
            }
            server.send(alice, "<iq type='set' id='x' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other</value></field></x></query></iq>");
            assertThat(condition(alice.next())).isEqualTo("bad-request");
            server.send(alice, "<iq type='set' id='x' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("bad-request");
            server.send(alice, INFO);
            assertThat(alice.next().element().firstElement().child("identity", RoomDisco.INFO).attr("name")).isEqualTo("Before");
        }
    }

    @Test
    void ownerAndAdminListsInTheForm() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            String form = "<iq type='set' id='cfg' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'>";
            server.send(alice, form + "<field var='muc#roomconfig_roomowners'/></x></query></iq>");
            assertThat(condition(alice.next())).as("a room keeps an owner").isEqualTo("bad-request");
            server.send(alice, form + "<field var='muc#roomconfig_roomadmins'><value>@nowhere</value></field></x></query></iq>");
            assertThat(condition(alice.next())).isEqualTo("bad-request");

            server.send(alice, form + "<field var='muc#roomconfig_roomowners'><value>alice@localhost</value><value>carol@localhost</value></field>"
                    + "<field var='muc#roomconfig_roomadmins'><value>bob@localhost</value></field></x></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(codes(alice.next())).containsExactly(104);
            Stanza promoted = alice.next();
            assertThat(MucFixture.item(promoted).attr("affiliation")).isEqualTo("admin");
            assertThat(MucFixture.item(promoted).attr("role")).isEqualTo("moderator");

            server.send(alice, "<iq type='get' id='f' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
            DataForm f = DataForm.find(alice.next().element().firstElement());
            assertThat(f.values("muc#roomconfig_roomowners")).containsExactlyInAnyOrder("alice@localhost", "carol@localhost");
            assertThat(f.values("muc#roomconfig_roomadmins")).containsExactly("bob@localhost");
        }
    }

    @Test
    void changesAreAnnouncedWith104AndAnonymityChanges() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            aliceAndBobInTea(server, alice, bob);
            server.send(alice, configure("tea", "whois=anyone"));
            assertThat(alice.next().type()).isEqualTo("result");
            Stanza note = bob.next();
            assertThat(note.from().toString()).isEqualTo("tea@conference.localhost");
            assertThat(codes(note)).containsExactly(104, 172);
            assertThat(codes(alice.next())).containsExactly(104, 172);

            TestSession carol = server.login("carol@localhost/c");
            server.send(carol, join("tea", "Carol"));
            assertThat(MucFixture.item(carol.next()).attr("jid")).as("non-anonymous: everyone sees JIDs").isEqualTo("alice@localhost/a");
            carol.next();
            assertThat(codes(carol.next())).containsExactly(100, 110);
        }
    }

    @Test
    void discoFeaturesFollowTheConfiguration() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createInstant(server, alice, "tea", "Alice");
            server.send(alice, INFO);
            Stanza info = alice.next();
            assertThat(features(info)).contains(Muc.NS, "muc_temporary", "muc_open", "muc_unmoderated", "muc_semianonymous",
                    "muc_unsecured", "muc_public", Muc.OCCUPANT_ID, Muc.SELF_PING);
            DataForm roominfo = DataForm.find(info.element().firstElement());
            assertThat(roominfo.formType()).isEqualTo(Muc.ROOMINFO);
            assertThat(roominfo.value("muc#roominfo_occupants")).isEqualTo("1");

            server.send(alice, configure("tea", "persistentroom=1", "publicroom=0", "membersonly=1", "moderatedroom=true",
                    "whois=anyone", "passwordprotectedroom=1", "roomsecret=s3cret", "roomdesc=Leaves"));
            assertThat(alice.next().type()).isEqualTo("result");
            alice.next(); // 104
            server.send(alice, INFO);
            info = alice.next();
            assertThat(features(info)).contains("muc_persistent", "muc_membersonly", "muc_moderated", "muc_nonanonymous",
                    "muc_passwordprotected", "muc_hidden").doesNotContain("muc_temporary", "muc_open", "muc_public");
            assertThat(DataForm.find(info.element().firstElement()).value("muc#roominfo_description")).isEqualTo("Leaves");
        }
    }

    @Test
    void serviceListsPublicConfiguredRoomsOnly() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            createWith(server, alice, "open", "Alice", "roomname=Open room");
            createWith(server, alice, "secret", "Alice", "publicroom=0");
            server.send(alice, join("locked", "Alice"));
            alice.next();
            alice.next();
            server.send(alice, "<iq type='get' id='i' to='conference.localhost'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            List<Element> items = alice.next().element().firstElement().children("item", RoomDisco.ITEMS);
            assertThat(items).extracting(e -> e.attr("jid")).containsExactly("open@conference.localhost");
            assertThat(items.getFirst().attr("name")).isEqualTo("Open room");

            server.send(alice, "<iq type='get' id='i' to='conference.localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Element q = alice.next().element().firstElement();
            assertThat(q.child("identity", RoomDisco.INFO).attr("category")).isEqualTo("conference");
            assertThat(q.children("feature", RoomDisco.INFO)).extracting(e -> e.attr("var")).contains(Muc.NS);
        }
    }

    @Test
    void cancellingTheFirstConfigurationDestroysTheRoom() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            server.send(alice, join("tea", "Alice"));
            alice.next();
            alice.next();
            server.send(alice, "<iq type='set' id='c' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='cancel'/></query></iq>");
            Stanza gone = alice.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            assertThat(MucFixture.x(gone).child("destroy", Muc.USER)).isNotNull();
            assertThat(alice.next().type()).isEqualTo("result");
            server.send(alice, INFO);
            assertThat(condition(alice.next())).isEqualTo("item-not-found");
        }
    }

    @Test
    void olderClientsWithoutMucPayloadGetAnInstantRoom() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            server.send(alice, "<presence to='tea@conference.localhost/Alice'/>");
            assertThat(codes(alice.next())).contains(201);
            alice.next();
            enter(server, bob, "tea", "Bob", 1);
        }
    }
}
