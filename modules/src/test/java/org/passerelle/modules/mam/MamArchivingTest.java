package org.passerelle.modules.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.condition;
import static org.passerelle.modules.ImTesting.nothingMore;
import static org.passerelle.modules.mam.MamTesting.archived;
import static org.passerelle.modules.mam.MamTesting.bare;
import static org.passerelle.modules.mam.MamTesting.chat;
import static org.passerelle.modules.mam.MamTesting.query;
import static org.passerelle.modules.mam.MamTesting.server;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.blocking.BlockingModule;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.offline.OfflineModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class MamArchivingTest {
    @Test
    void aChatGoesIntoBothArchivesAndTheRecipientLearnsItsId() {
        try (TestServer server = server("")) {
            assertThat(server.context().features().account()).contains("urn:xmpp:mam:2", "urn:xmpp:mam:2#extended");
            assertThat(server.context().features().server()).contains("urn:xmpp:sid:0");
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            chat(server, alice, "bob@localhost", "hello");
            Stanza got = bob.next();
            Element sid = got.element().child("stanza-id", StanzaIds.NS);
            assertThat(sid.attr("by")).isEqualTo("bob@localhost");
            List<ArchivedMessage> bobs = server.context().stores().archive()
                    .page(bare("bob@localhost"), ArchiveFilter.ALL, null, null, false, 10).messages();
            assertThat(bobs).hasSize(1);
            assertThat(bobs.getFirst().id()).isEqualTo(sid.attr("id"));
            assertThat(bobs.getFirst().outgoing()).isFalse();
            assertThat(bobs.getFirst().with().toString()).isEqualTo("alice@localhost/a");
            assertThat(bobs.getFirst().stanza().child("stanza-id", StanzaIds.NS)).as("kept without the id").isNull();
            List<ArchivedMessage> alices = server.context().stores().archive()
                    .page(bare("alice@localhost"), ArchiveFilter.ALL, null, null, false, 10).messages();
            assertThat(alices).singleElement().satisfies(m -> {
                assertThat(m.outgoing()).isTrue();
                assertThat(m.with().toString()).isEqualTo("bob@localhost");
                assertThat(m.stanza().childText("body", Namespaces.CLIENT)).isEqualTo("hello");
            });
            nothingMore(alice);
        }
    }

    @Test
    void anOfflineRecipientsMessageIsArchivedAndKeepsItsIdInStorage() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            server.context().accounts().create(bare("bob@localhost"), "secret", false);
            chat(server, alice, "bob@localhost", "while you were out");
            assertThat(archived(server, "bob@localhost")).isEqualTo(1);
            TestSession bob = server.login("bob@localhost/b");
            server.send(bob, "<presence/>");
            Stanza m = bob.next();
            while (!m.isMessage()) m = bob.next(); // after bob's own presence
            String archiveId = server.context().stores().archive().edge(bare("bob@localhost"), true).orElseThrow().id();
            assertThat(m.element().child("stanza-id", StanzaIds.NS).attr("id")).isEqualTo(archiveId);
        }
    }

    @Test
    void forgedStanzaIdsInTheRecipientsNameAreRemovedOthersStay() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            server.send(alice, "<message to='bob@localhost/b' type='chat'><body>x</body>"
                    + "<stanza-id xmlns='urn:xmpp:sid:0' by='bob@localhost' id='forged'/>"
                    + "<stanza-id xmlns='urn:xmpp:sid:0' by='room@conference.example' id='theirs'/></message>");
            List<String> ids = bob.next().element().children("stanza-id", StanzaIds.NS).stream().map(e -> e.attr("id")).toList();
            assertThat(ids).hasSize(2).contains("theirs").doesNotContain("forged");
            // Not archived (a chat state alone), but still no forged id.
            server.send(alice, "<message to='bob@localhost' type='chat'><active xmlns='http://jabber.org/protocol/chatstates'/>"
                    + "<stanza-id xmlns='urn:xmpp:sid:0' by='bob@localhost' id='forged'/></message>");
            assertThat(bob.next().element().child("stanza-id", StanzaIds.NS)).isNull();
        }
    }

    @Test
    void aMessageRoutedAgainKeepsItsIdAndIsNotArchivedTwice() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            chat(server, alice, "bob@localhost/b", "unacknowledged");
            Stanza delivered = bob.next();
            String id = delivered.element().child("stanza-id", StanzaIds.NS).attr("id");
            server.logout(bob);
            TestSession other = available(server, "bob@localhost/other", 0);
            server.route(delivered); // as XEP-0198 does with what the ended session never acknowledged
            Stanza again = other.next();
            assertThat(again.element().children("stanza-id", StanzaIds.NS)).singleElement()
                    .satisfies(sid -> assertThat(sid.attr("id")).isEqualTo(id));
            assertThat(archived(server, "bob@localhost")).isEqualTo(1);

            // The same id on different content is a forgery: removed, and the message archived as new.
            Element changed = delivered.element().withChildren(delivered.element().children().stream()
                    .map(n -> n instanceof Element e && e.is("body", Namespaces.CLIENT) ? Element.builder("body", Namespaces.CLIENT).text("other").build() : n)
                    .toList());
            server.route(delivered.withElement(changed));
            List<Element> ids = other.next().element().children("stanza-id", StanzaIds.NS);
            assertThat(ids).singleElement().satisfies(sid -> assertThat(sid.attr("id")).isNotEqualTo(id));
            assertThat(archived(server, "bob@localhost")).isEqualTo(2);
        }
    }

    @Test
    void onlyMessagesWorthKeepingAreArchived() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            String[] skipped = {
                "<message to='bob@localhost' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>",
                "<message to='bob@localhost' type='headline'><body>news</body></message>",
                "<message to='bob@localhost/b' type='groupchat'><body>room</body></message>",
                "<message to='bob@localhost' type='error'><body>oops</body></message>",
                "<message to='bob@localhost' type='chat'><body>secret</body><no-store xmlns='urn:xmpp:hints'/></message>",
                "<message to='bob@localhost' type='chat'><body>temp</body><no-permanent-store xmlns='urn:xmpp:hints'/></message>",
                "<message to='nobody@localhost' type='chat'><body>nobody home</body></message>",
                "<message to='bob@localhost/gone'><body>normal to a gone resource bounces</body></message>",
            };
            for (String m : skipped) server.send(alice, m);
            assertThat(archived(server, "bob@localhost")).isZero();
            assertThat(archived(server, "nobody@localhost")).isZero();
            String[] kept = {
                "<message to='bob@localhost'><body>normal</body></message>",
                "<message to='bob@localhost' type='chat'><encrypted xmlns='eu.siacs.conversations.axolotl'/></message>",
                "<message to='bob@localhost' type='chat'><received xmlns='urn:xmpp:receipts'/><store xmlns='urn:xmpp:hints'/></message>",
            };
            for (String m : kept) server.send(alice, m);
            assertThat(archived(server, "bob@localhost")).isEqualTo(3);
            chat(server, alice, "alice@localhost", "note to self");
            assertThat(archived(server, "alice@localhost")).as("outgoing to bob (3, plus the one to nobody) and the note once")
                    .isEqualTo(3 + 1 + 1 + 1);
        }
    }

    @Test
    void preferencesDecideWhatIsArchived() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            server.send(alice, "<iq type='get' id='p'><prefs xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(alice.next().element().child("prefs", MamModule.NS).attr("default")).isEqualTo("always");
            server.send(alice, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='always'>"
                    + "<always/><never><jid>bob@localhost</jid></never></prefs></iq>");
            Element prefs = alice.next().element().child("prefs", MamModule.NS);
            assertThat(prefs.child("never", MamModule.NS).childText("jid", MamModule.NS)).isEqualTo("bob@localhost");
            chat(server, alice, "bob@localhost/b", "not kept by alice");
            chat(server, bob, "alice@localhost", "not kept by alice either");
            assertThat(archived(server, "alice@localhost")).isZero();
            assertThat(archived(server, "bob@localhost")).as("bob's own preferences").isEqualTo(2);

            server.send(bob, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='roster'/></iq>");
            bob.clear();
            alice.clear();
            chat(server, alice, "bob@localhost", "a stranger to bob");
            assertThat(archived(server, "bob@localhost")).isEqualTo(2);
            server.context().stores().roster().put(bare("bob@localhost"), new RosterItem(Jids.of("alice@localhost").asBareJid(),
                    null, Set.of(), Subscription.NONE, false, false, false, true));
            chat(server, alice, "bob@localhost", "a contact of bob");
            assertThat(archived(server, "bob@localhost")).isEqualTo(3);
            bob.clear();
            server.send(bob, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='sometimes'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("bad-request");
            server.send(bob, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='never'><always><jid>not a jid@@</jid></always></prefs></iq>");
            assertThat(condition(bob.next())).isEqualTo("jid-malformed");
            server.send(bob, "<iq type='get' id='p'><prefs xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(bob.next().element().child("prefs", MamModule.NS).attr("default")).as("unchanged").isEqualTo("roster");
        }
    }

    @Test
    void whatTheRecipientBlockedIsNotArchivedForThem() {
        try (TestServer server = new TestServer("", new PresenceModule(), new MessageModule(), new OfflineModule(),
                new BlockingModule(), new MamModule())) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            server.send(bob, "<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'><item jid='alice@localhost'/></block></iq>");
            bob.clear();
            alice.clear();
            chat(server, alice, "bob@localhost", "to the bare JID");
            chat(server, alice, "bob@localhost/b", "to the full JID");
            chat(server, alice, "bob@localhost/gone", "to a gone resource");
            assertThat(archived(server, "bob@localhost")).isZero();
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
            nothingMore(bob);
        }
    }

    @Test
    void aDeletedAccountLosesItsArchiveAndPreferences() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            available(server, "bob@localhost/b", 0);
            server.send(alice, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='never'/></iq>");
            alice.clear();
            server.send(alice, "<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='always'/></iq>");
            alice.clear();
            chat(server, alice, "bob@localhost", "soon gone");
            assertThat(archived(server, "alice@localhost")).isEqualTo(1);
            server.context().events().publish(new AccountDeleted(bare("alice@localhost")));
            assertThat(archived(server, "alice@localhost")).isZero();
            assertThat(archived(server, "bob@localhost")).isEqualTo(1);
            assertThat(server.context().stores().keyValue().all(bare("alice@localhost"), MamModule.NS)).isEmpty();
        }
    }

    @Test
    void onlyTheOwnerReadsAnArchive() {
        try (TestServer server = server("")) {
            TestSession alice = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            chat(server, alice, "bob@localhost", "private");
            bob.clear();
            server.send(bob, "<iq type='set' id='q' to='alice@localhost'><query xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("forbidden");
            nothingMore(bob);
            assertThat(query(server, alice, "", "").bodies()).containsExactly("private");
        }
    }
}
