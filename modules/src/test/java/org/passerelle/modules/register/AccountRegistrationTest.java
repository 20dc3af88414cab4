package org.passerelle.modules.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

/** Password change and account removal by a logged-in user. */
class AccountRegistrationTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();

    private TestServer server = new TestServer(new RegisterModule());
    private TestSession alice = server.login("alice@localhost/phone");

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aGetShowsTheRegistration() {
        server.send(alice, "<iq type='get' id='g'><query xmlns='jabber:iq:register'/></iq>");
        Element query = result(alice.next()).child("query", RegisterModule.NS);
        assertThat(query.child("registered", RegisterModule.NS)).isNotNull();
        assertThat(query.childText("username", RegisterModule.NS)).isEqualTo("alice");
    }

    @Test
    void changesTheOwnPassword() {
        server.send(alice, "<iq type='set' id='c' to='localhost'><query xmlns='jabber:iq:register'>"
                + "<username>alice</username><password>n3w</password></query></iq>");
        result(alice.next());
        assertThat(server.context().accounts().verify(ALICE, "n3w")).isTrue();
        assertThat(server.context().accounts().verify(ALICE, "secret")).isFalse();

        server.send(alice, "<iq type='set' id='c2'><query xmlns='jabber:iq:register'><password/></query></iq>");
        assertError(alice.next(), "bad-request");
        assertThat(server.context().accounts().verify(ALICE, "n3w")).isTrue();

        server.login("bob@localhost/pc");
        server.send(alice, "<iq type='set' id='c3'><query xmlns='jabber:iq:register'><username>bob</username><password>x</password></query></iq>");
        assertError(alice.next(), "not-allowed");
        assertThat(server.context().accounts().verify(Jids.of("bob@localhost").asEntityBareJidOrThrow(), "secret")).isTrue();
    }

    @Test
    void passwordChangeCanBeSwitchedOff() {
        server.close();
        server = new TestServer("modules: {register: {passwordChange: false}}", new RegisterModule());
        alice = server.login("alice@localhost/phone");
        server.send(alice, "<iq type='set' id='c'><query xmlns='jabber:iq:register'><username>alice</username><password>n3w</password></query></iq>");
        assertError(alice.next(), "not-allowed");
        assertThat(server.context().accounts().verify(ALICE, "secret")).isTrue();
    }

    @Test
    void removeDeletesTheAccountAnswersThenClosesEverySession() {
        TestSession laptop = server.login("alice@localhost/laptop");
        List<EntityBareJid> deleted = new ArrayList<>();
        server.context().events().on(AccountDeleted.class, 0, e -> deleted.add(e.account()));

        server.send(alice, "<iq type='set' id='unreg1'><query xmlns='jabber:iq:register'><remove/></query></iq>");
        Stanza reply = alice.next();
        assertThat(reply.type()).isEqualTo("result");
        assertThat(reply.id()).isEqualTo("unreg1");
        assertThat(server.context().accounts().exists(ALICE)).isFalse();
        assertThat(deleted).containsExactly(ALICE);
        assertThat(alice.closedWith()).isEqualTo("not-authorized");
        assertThat(laptop.closedWith()).isEqualTo("not-authorized");
    }

    @Test
    void removeMustBeAloneAndOnlyForTheOwnAccount() {
        server.send(alice, "<iq type='set' id='u'><query xmlns='jabber:iq:register'><remove/><username>alice</username></query></iq>");
        assertError(alice.next(), "bad-request");
        TestSession bob = server.login("bob@localhost/pc");
        server.send(alice, "<iq type='set' id='u2' to='bob@localhost'><query xmlns='jabber:iq:register'><remove/></query></iq>");
        assertError(alice.next(), "service-unavailable");
        assertThat(server.context().accounts().exists(ALICE)).isTrue();
        assertThat(server.context().accounts().exists(bob.bareJid())).isTrue();
        assertThat(alice.closedWith()).isNull();
    }

    private static Element result(Stanza reply) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("result");
        return reply.element();
    }

    private static void assertError(Stanza reply, String condition) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.element().child("error", Namespaces.CLIENT).child(condition, Namespaces.STANZA_ERRORS)).as(reply.toString()).isNotNull();
    }
}
