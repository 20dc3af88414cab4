package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.condition;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.createWith;
import static org.passerelle.modules.muc.MucFixture.enterSeenBy;
import static org.passerelle.modules.muc.MucFixture.item;
import static org.passerelle.modules.muc.MucFixture.join;
import static org.passerelle.modules.muc.MucFixture.room;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/** Registering a nickname with a room (XEP-0045 §7.10, §7.12). */
class NickRegistrationTest {
    private static String register(String nick) {
        return "<iq type='set' id='r' to='" + room("tea") + "'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#register</value></field>"
                + "<field var='muc#register_roomnick'><value>" + nick + "</value></field></x></query></iq>";
    }

    private static final String GET = "<iq type='get' id='g' to='tea@conference.localhost'><query xmlns='jabber:iq:register'/></iq>";
    private static final String NODE = "<iq type='get' id='n' to='tea@conference.localhost'>"
            + "<query xmlns='http://jabber.org/protocol/disco#info' node='x-roomuser-item'/></iq>";

    @Test
    void aRegisteredNicknameIsKeptForItsOwnerWhoBecomesAMember() throws Exception {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            TestSession eve = server.login("eve@localhost/e");
            createInstant(server, alice, "tea", "Alice");
            server.send(bob, GET);
            DataForm form = DataForm.find(bob.next().element().firstElement());
            assertThat(form.formType()).isEqualTo("http://jabber.org/protocol/muc#register");
            assertThat(form.field("muc#register_roomnick").required()).isTrue();

            server.send(bob, register("Alice"));
            assertThat(condition(bob.next())).as("in use by someone else").isEqualTo("conflict");
            server.send(bob, register(""));
            assertThat(condition(bob.next())).isEqualTo("not-acceptable");
            server.send(bob, register("Robert"));
            assertThat(bob.next().type()).isEqualTo("result");

            server.send(bob, GET);
            Element q = bob.next().element().firstElement();
            assertThat(q.child("registered", "jabber:iq:register")).isNotNull();
            assertThat(q.childText("username", "jabber:iq:register")).isEqualTo("Robert");
            server.send(bob, NODE);
            assertThat(bob.next().element().firstElement().child("identity", RoomDisco.INFO).attr("name")).isEqualTo("Robert");
            server.send(eve, NODE);
            assertThat(eve.next().element().firstElement().children("identity", RoomDisco.INFO)).isEmpty();

            server.send(eve, join("tea", "robert"));
            assertThat(condition(eve.next())).as("registered by bob").isEqualTo("conflict");
            enterSeenBy(server, bob, "tea", "Robert", alice);
            server.send(alice, "<iq type='get' id='m' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item affiliation='member'/></query></iq>");
            Element member = alice.next().element().firstElement().child("item", Muc.ADMIN);
            assertThat(member.attr("jid")).isEqualTo("bob@localhost");
            assertThat(member.attr("nick")).isEqualTo("Robert");

            server.send(bob, "<iq type='set' id='x' to='" + room("tea") + "'><query xmlns='jabber:iq:register'><remove/></query></iq>");
            Stanza demoted = alice.next();
            assertThat(item(demoted).attr("affiliation")).isEqualTo("none");
            bob.next();
            assertThat(bob.next().type()).isEqualTo("result");
            server.send(bob, GET);
            assertThat(DataForm.find(bob.next().element().firstElement())).as("no longer registered: the form again").isNotNull();
        }
    }

    @Test
    void membersOnlyRoomsRegisterMembersOnlyAndOutcastsNever() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createWith(server, alice, "tea", "Alice", "membersonly=1");
            server.send(bob, register("Bob"));
            assertThat(condition(bob.next())).isEqualTo("registration-required");
            server.send(alice, "<iq type='set' id='b' to='" + room("tea") + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                    + "<item jid='bob@localhost' affiliation='outcast'/></query></iq>");
            alice.next();
            server.send(bob, GET);
            assertThat(condition(bob.next())).isEqualTo("forbidden");
        }
    }
}
