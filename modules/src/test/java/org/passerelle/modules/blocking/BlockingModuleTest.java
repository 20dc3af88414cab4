package org.passerelle.modules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class BlockingModuleTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidIfPossible();
    private static final String BLOCK_BOB = "<iq type='set' id='b1'><block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></block></iq>";
    private static final String UNBLOCK_BOB = "<iq type='set' id='u1'><unblock xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></unblock></iq>";
    private static final String GET = "<iq type='get' id='g1'><blocklist xmlns='urn:xmpp:blocking'/></iq>";

    @Test
    void blockAndUnblockArePushedToSessionsThatAskedForTheList() throws Exception {
        try (TestServer server = new TestServer(new BlockingModule())) {
            TestSession phone = server.login("alice@localhost/phone");
            TestSession laptop = server.login("alice@localhost/laptop");
            server.send(phone, GET);
            assertThat(result(phone.next()).child("blocklist", BlockList.NS).elements()).isEmpty();

            server.send(laptop, BLOCK_BOB);
            assertThat(laptop.next().type()).isEqualTo("result");
            Stanza push = phone.next();
            assertThat(push.type()).isEqualTo("set");
            assertThat(push.from().toString()).isEqualTo("alice@localhost");
            assertThat(items(push.element().child("block", BlockList.NS))).containsExactly("bob@localhost");
            laptop.assertNothingMore();

            server.send(phone, GET);
            assertThat(items(result(phone.next()).child("blocklist", BlockList.NS))).containsExactly("bob@localhost");

            server.send(laptop, UNBLOCK_BOB);
            laptop.next();
            assertThat(items(phone.next().element().child("unblock", BlockList.NS))).containsExactly("bob@localhost");
            server.send(phone, GET);
            assertThat(result(phone.next()).child("blocklist", BlockList.NS).elements()).isEmpty();
        }
    }

    @Test
    void unblockAllEmptiesTheList() {
        try (TestServer server = new TestServer(new BlockingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/><item jid='example.net'/></block></iq>");
            alice.next();
            server.send(alice, GET);
            assertThat(items(result(alice.next()).child("blocklist", BlockList.NS))).containsExactly("bob@localhost", "example.net");
            server.send(alice, "<iq type='set' id='u'><unblock xmlns='urn:xmpp:blocking'/></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            Stanza push = alice.next();
            assertThat(push.element().child("unblock", BlockList.NS).elements()).isEmpty();
            server.send(alice, GET);
            assertThat(result(alice.next()).child("blocklist", BlockList.NS).elements()).isEmpty();
        }
    }

    @Test
    void badRequestsAreRefused() {
        try (TestServer server = new TestServer("modules:\n  blocking:\n    maxItems: 2\n", new BlockingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            server.send(alice, "<iq type='set' id='e1'><block xmlns='urn:xmpp:blocking'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("bad-request");
            server.send(alice, "<iq type='set' id='e2'><block xmlns='urn:xmpp:blocking'><item jid='@bad'/></block></iq>");
            assertThat(condition(alice.next())).isEqualTo("jid-malformed");
            server.send(alice, "<iq type='set' id='e3'><block xmlns='urn:xmpp:blocking'><item jid='a@x.net'/><item jid='b@x.net'/><item jid='c@x.net'/></block></iq>");
            assertThat(condition(alice.next())).isEqualTo("policy-violation");
            server.send(bob, "<iq type='get' id='e4' to='alice@localhost'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
        }
    }

    @Test
    void stanzasToABlockedJidBounceWithTheBlockedCondition() throws Exception {
        try (TestServer server = new TestServer(new BlockingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            block(server, alice);
            server.send(alice, "<message id='m1' to='bob@localhost/pc' type='chat'><body>hi</body></message>");
            Stanza error = alice.next();
            assertThat(condition(error)).isEqualTo("not-acceptable");
            assertThat(error.from().toString()).isEqualTo("bob@localhost/pc");
            assertThat(error.element().child("error", Namespaces.CLIENT).child("blocked", BlockingEnforcer.ERRORS)).isNotNull();
            bob.assertNothingMore();
        }
    }

    @Test
    void stanzasFromABlockedJidMakeTheAccountLookOffline() throws Exception {
        try (TestServer server = new TestServer(new BlockingModule())) {
            server.context().iqs().register(Destination.ACCOUNT, "urn:test", iq -> iq.result(null));
            deliverBareMessages(server);
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            block(server, alice);

            server.send(bob, "<message id='m1' to='alice@localhost/phone' type='chat'><body>hi</body></message>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
            server.send(bob, "<message id='m2' to='alice@localhost' type='chat'><body>hi</body></message>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
            server.send(bob, "<iq id='i1' type='get' to='alice@localhost'><q xmlns='urn:test'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
            server.send(bob, "<iq id='i2' type='get' to='alice@localhost/phone'><q xmlns='urn:test'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
            server.send(bob, "<presence to='alice@localhost/phone'/>");
            server.send(bob, "<presence type='subscribe' to='alice@localhost'/>");
            bob.assertNothingMore();
            alice.assertNothingMore();

            server.send(alice, UNBLOCK_BOB);
            alice.next();
            server.send(bob, "<message id='m3' to='alice@localhost' type='chat'><body>again</body></message>");
            assertThat(alice.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("again");
            server.send(bob, "<iq id='i3' type='get' to='alice@localhost'><q xmlns='urn:test'/></iq>");
            assertThat(bob.next().type()).isEqualTo("result");
        }
    }

    @Test
    void blockingAContactSendsItUnavailablePresenceAndUnblockingTheCurrentOne() throws Exception {
        try (TestServer server = new TestServer(new BlockingModule())) {
            TestSession alice = available(server.login("alice@localhost/phone"), "<presence><show>dnd</show></presence>");
            TestSession bob = available(server.login("bob@localhost/pc"), "<presence/>");
            TestSession carol = available(server.login("carol@localhost/pc"), "<presence/>");
            roster(server, "bob@localhost", Subscription.BOTH);
            roster(server, "carol@localhost", Subscription.TO);

            server.send(alice, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='localhost'/></block></iq>");
            alice.next();
            Stanza gone = bob.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            assertThat(gone.from().toString()).isEqualTo("alice@localhost/phone");
            carol.assertNothingMore();

            // A presence broadcast the server makes for Alice does not reach Bob any more.
            server.context().router().deliver(bob, Stanza.of(alice.presence().element(), alice.jid(), bob.jid()));
            bob.assertNothingMore();

            server.send(alice, "<iq type='set' id='u'><unblock xmlns='urn:xmpp:blocking'/></iq>");
            alice.next();
            Stanza back = bob.next();
            assertThat(back.type()).isNull();
            assertThat(back.element().childText("show", Namespaces.CLIENT)).isEqualTo("dnd");
            carol.assertNothingMore();
        }
    }

    @Test
    void accountDeletionClearsTheList() {
        try (TestServer server = new TestServer(new BlockingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            block(server, alice);
            server.logout(alice);
            server.context().accounts().delete(ALICE);
            assertThat(server.context().stores().keyValue().all(ALICE, BlockList.NS)).isEmpty();
        }
    }

    private static void block(TestServer server, TestSession alice) {
        server.send(alice, BLOCK_BOB);
        assertThat(alice.next().type()).isEqualTo("result");
    }

    /** Stands in for the message module: messages to a bare JID go to every session. */
    private static void deliverBareMessages(TestServer server) {
        server.context().hooks().handle(Destination.ACCOUNT, StanzaKind.MESSAGE, 0, m -> {
            for (Session s : server.context().sessions().sessions(m.to().asEntityBareJidIfPossible())) server.context().router().deliver(s, m);
            return true;
        });
    }

    private static TestSession available(TestSession s, String presence) {
        s.setPresence(Stanza.of(Xml.parse(presence), s.jid(), null));
        return s;
    }

    private static void roster(TestServer server, String contact, Subscription s) {
        server.context().stores().roster().put(ALICE, RosterItem.of(Jids.of(contact).asBareJid()).withSubscription(s));
    }

    private static Element result(Stanza reply) {
        assertThat(reply.type()).isEqualTo("result");
        return reply.element();
    }

    private static List<String> items(Element list) {
        return list.children("item", BlockList.NS).stream().map(i -> i.attr("jid")).toList();
    }

    private static String condition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }
}
