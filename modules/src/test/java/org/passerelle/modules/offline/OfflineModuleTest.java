package org.passerelle.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.condition;
import static org.passerelle.modules.ImTesting.nothingMore;
import static org.passerelle.modules.ImTesting.presence;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class OfflineModuleTest {
    private static final EntityBareJid BOB = Jids.of("bob@localhost").asEntityBareJidOrThrow();

    private static TestServer server(String yaml) {
        TestServer server = new TestServer(yaml, new PresenceModule(), new MessageModule(), new OfflineModule());
        server.context().accounts().create(BOB, "secret", false);
        return server;
    }

    private static int stored(TestServer server) {
        return server.context().stores().offline().count(BOB);
    }

    @Test
    void storedAndDeliveredMessagesAreCounted() {
        try (TestServer server = server("")) {
            var registry = server.context().metrics().registry();
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.send(alice, "<message id='1' to='bob@localhost' type='chat'><body>first</body></message>");
            server.send(alice, "<message id='2' to='bob@localhost' type='chat'><body>second</body></message>");
            assertThat(registry.get(Metrics.OFFLINE_STORED).counter().count()).isEqualTo(2);
            assertThat(registry.get(Metrics.OFFLINE_DELIVERED).counter().count()).isZero();

            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<presence/>");
            presence(bob, null, "bob@localhost/pc");
            bob.next();
            bob.next();
            assertThat(registry.get(Metrics.OFFLINE_DELIVERED).counter().count()).isEqualTo(2);
        }
    }

    @Test
    void keptMessagesArriveOldestFirstWithADelayAtTheNextInitialPresence() {
        try (TestServer server = server("")) {
            assertThat(server.context().features().server()).contains("msgoffline");
            TestSession alice = available(server, "alice@localhost/a", 0);
            Instant before = Instant.now();
            server.send(alice, "<message id='1' to='bob@localhost' type='chat'><body>first</body></message>");
            server.send(alice, "<message id='2' to='bob@localhost/gone' type='chat'><body>second</body></message>");
            server.send(alice, "<message id='3' to='bob@localhost'><subject>third</subject></message>");
            Instant after = Instant.now();
            nothingMore(alice); // no error: the messages are kept
            assertThat(stored(server)).isEqualTo(3);

            TestSession bob = server.login("bob@localhost/pc");
            assertThat(stored(server)).isEqualTo(3); // connected is not enough
            server.send(bob, "<presence/>");
            presence(bob, null, "bob@localhost/pc");
            for (String id : new String[] {"1", "2", "3"}) {
                Stanza m = bob.next();
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.from().toString()).isEqualTo("alice@localhost/a");
                Element delay = m.element().child("delay", Namespaces.DELAY);
                assertThat(delay.attr("from")).isEqualTo("localhost");
                assertThat(Instant.parse(delay.attr("stamp"))).isBetween(before.minusMillis(1), after.plusMillis(1));
            }
            nothingMore(bob);
            assertThat(stored(server)).isZero();
        }
    }

    @Test
    void aNegativePrioritySessionDoesNotTakeThemButTheNextOneDoes() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession shy = available(server, "bob@localhost/shy", -1);
            server.send(alice, "<message to='bob@localhost'><body>for later</body></message>");
            nothingMore(shy);
            nothingMore(alice);
            assertThat(stored(server)).isEqualTo(1);
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<presence><priority>1</priority></presence>");
            presence(bob, null, "bob@localhost/pc");
            presence(bob, null, "bob@localhost/shy");
            assertThat(bob.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("for later");
            assertThat(stored(server)).isZero();
        }
    }

    @Test
    void aFullStoreIsReportedAsServiceUnavailable() {
        try (TestServer server = server("limits:\n  offlineMessages: 2\n")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.send(alice, "<message id='1' to='bob@localhost'><body>1</body></message>");
            server.send(alice, "<message id='2' to='bob@localhost'><body>2</body></message>");
            nothingMore(alice);
            server.send(alice, "<message id='3' to='bob@localhost'><body>3</body></message>");
            Stanza error = alice.next();
            assertThat(error.id()).isEqualTo("3");
            assertThat(condition(error)).isEqualTo("service-unavailable");
            assertThat(stored(server)).isEqualTo(2);
        }
    }

    @Test
    void aZeroQuotaMeansNoOfflineStorage() {
        try (TestServer server = server("limits:\n  offlineMessages: 0\n")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.send(alice, "<message id='1' to='bob@localhost'><body>1</body></message>");
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void onlyNormalAndChatMessagesWithContentAreKept() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.send(alice, "<message to='bob@localhost' type='headline'><body>news</body></message>");
            server.send(alice, "<message to='bob@localhost' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
            nothingMore(alice); // dropped without a word
            server.send(alice, "<message id='g' to='bob@localhost' type='groupchat'><body>x</body></message>");
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
            server.send(alice, "<message id='n' to='bob@localhost' type='chat'><body>secret</body>"
                    + "<no-store xmlns='urn:xmpp:hints'/></message>");
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
            assertThat(stored(server)).isZero();
            server.send(alice, "<message to='bob@localhost' type='chat'><encrypted xmlns='eu.siacs.conversations.axolotl'/></message>");
            server.send(alice, "<message to='bob@localhost'><store xmlns='urn:xmpp:hints'/></message>");
            nothingMore(alice);
            assertThat(stored(server)).isEqualTo(2);
        }
    }

    @Test
    void aMessageKeptWhileItsRecipientCameOnlineIsHandedOverAtOnce() {
        try (TestServer server = server("")) {
            TestSession bob = available(server, "bob@localhost/pc", 0);
            // The router found nobody a moment ago; by the time the store has it, bob is there.
            Stanza late = Stanza.of(org.passerelle.core.testing.Xml.parse("<message id='late'><body>x</body></message>"),
                    Jids.of("alice@localhost/a"), BOB);
            assertThat(server.context().events().publish(new org.passerelle.core.event.MessageUndeliverable(late))).isTrue();
            Stanza got = bob.next();
            assertThat(got.id()).isEqualTo("late");
            assertThat(got.element().child("delay", Namespaces.DELAY)).isNotNull();
            assertThat(stored(server)).isZero();
        }
    }

    @Test
    void aDeletedAccountLosesItsMessages() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.send(alice, "<message to='bob@localhost'><body>x</body></message>");
            assertThat(stored(server)).isEqualTo(1);
            server.context().accounts().delete(BOB);
            assertThat(stored(server)).isZero();
        }
    }

    @Test
    void storableContent() {
        assertThat(Storable.hasContent(parse("<message><body>x</body></message>"))).isTrue();
        assertThat(Storable.hasContent(parse("<message><received xmlns='urn:xmpp:receipts' id='1'/></message>"))).isTrue();
        assertThat(Storable.hasContent(parse("<message><x xmlns='http://jabber.org/protocol/muc#user'><invite from='a@b'/></x></message>"))).isTrue();
        assertThat(Storable.hasContent(parse("<message><x xmlns='http://jabber.org/protocol/muc#user'/></message>"))).isFalse();
        assertThat(Storable.hasContent(parse("<message><active xmlns='http://jabber.org/protocol/chatstates'/></message>"))).isFalse();
        assertThat(Storable.isNoStore(parse("<message><no-permanent-store xmlns='urn:xmpp:hints'/></message>"))).isTrue();
    }

    private static Element parse(String xml) {
        return org.passerelle.core.testing.Xml.parse(xml);
    }
}
