package org.passerelle.modules.last;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.PresenceUnavailable;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class LastModuleTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidIfPossible();
    private static final String ASK_ALICE = "<iq type='get' id='l1' to='alice@localhost'><query xmlns='jabber:iq:last'/></iq>";

    @Test
    void domainAnswersUptime() {
        try (TestServer server = new TestServer(new LastModule())) {
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<iq type='get' id='u' to='localhost'><query xmlns='jabber:iq:last'/></iq>");
            Element q = query(bob.next());
            assertThat(Long.parseLong(q.attr("seconds"))).isBetween(0L, 5L);
            assertThat(q.text()).isEmpty();
        }
    }

    @Test
    void contactLearnsWhenTheAccountWentOfflineAndWithWhichStatus() {
        try (TestServer server = new TestServer(new LastModule())) {
            TestSession alice = available(server.login("alice@localhost/balcony"));
            TestSession bob = server.login("bob@localhost/pc");
            contact(server, "bob@localhost", Subscription.FROM);

            server.send(bob, ASK_ALICE);
            assertThat(query(bob.next()).attr("seconds")).isEqualTo("0");

            goOffline(server, alice, "<presence type='unavailable'><status>Heading Home</status></presence>");
            server.send(bob, ASK_ALICE);
            Element q = query(bob.next());
            assertThat(Long.parseLong(q.attr("seconds"))).isBetween(0L, 5L);
            assertThat(q.text()).isEqualTo("Heading Home");
        }
    }

    @Test
    void secondsCountFromTheStoredLogout() {
        try (TestServer server = new TestServer(new LastModule())) {
            server.login("alice@localhost/balcony");
            new LastLogout(Instant.now().minusSeconds(903), "away").save(server.context().stores().keyValue(), ALICE);
            TestSession alice2 = server.login("alice@localhost/phone");
            server.send(alice2, "<iq type='get' id='own'><query xmlns='jabber:iq:last'/></iq>");
            Element q = query(alice2.next());
            assertThat(Long.parseLong(q.attr("seconds"))).isBetween(903L, 910L);
            assertThat(q.text()).isEqualTo("away");
        }
    }

    @Test
    void nothingIsRecordedWhileAnotherResourceIsAvailable() {
        try (TestServer server = new TestServer(new LastModule())) {
            TestSession phone = available(server.login("alice@localhost/phone"));
            available(server.login("alice@localhost/balcony"));
            goOffline(server, phone, "<presence type='unavailable'/>");
            assertThat(LastLogout.load(server.context().stores().keyValue(), ALICE)).isEmpty();
        }
    }

    @Test
    void sessionEndingWhileAvailableIsALogout() {
        try (TestServer server = new TestServer(new LastModule())) {
            TestSession alice = available(server.login("alice@localhost/phone"));
            server.logout(alice);
            LastLogout last = LastLogout.load(server.context().stores().keyValue(), ALICE).orElseThrow();
            assertThat(last.status()).isNull();
            assertThat(last.at()).isAfter(Instant.now().minusSeconds(5));
        }
    }

    @Test
    void strangersAreForbiddenAndUnknownAccountsUnavailable() {
        try (TestServer server = new TestServer(new LastModule())) {
            server.login("alice@localhost/balcony");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, ASK_ALICE);
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            contact(server, "bob@localhost", Subscription.TO);
            server.send(bob, ASK_ALICE);
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            server.send(bob, "<iq type='get' id='l2' to='nobody@localhost'><query xmlns='jabber:iq:last'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void accountDeletionRemovesTheRecord() {
        try (TestServer server = new TestServer(new LastModule())) {
            TestSession alice = available(server.login("alice@localhost/phone"));
            goOffline(server, alice, "<presence type='unavailable'/>");
            assertThat(LastLogout.load(server.context().stores().keyValue(), ALICE)).isPresent();
            server.context().accounts().delete(ALICE);
            assertThat(LastLogout.load(server.context().stores().keyValue(), ALICE)).isEmpty();
        }
    }

    private static TestSession available(TestSession s) {
        s.setPresence(Stanza.of(Xml.parse("<presence/>"), s.jid(), null));
        return s;
    }

    /** What the presence module does when a client sends unavailable presence. */
    private static void goOffline(TestServer server, TestSession s, String presence) {
        s.setPresence(null);
        server.context().events().publish(new PresenceUnavailable(s, Stanza.of(Xml.parse(presence), s.jid(), null)));
    }

    private static void contact(TestServer server, String contact, Subscription s) {
        server.context().stores().roster().put(ALICE, RosterItem.of(Jids.of(contact).asBareJid()).withSubscription(s));
    }

    private static Element query(Stanza reply) {
        assertThat(reply.type()).isEqualTo("result");
        return reply.element().child("query", LastLogout.NS);
    }

    private static String condition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }
}
