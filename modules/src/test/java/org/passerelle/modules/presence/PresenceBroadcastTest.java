package org.passerelle.modules.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.nothingMore;
import static org.passerelle.modules.ImTesting.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.InitialPresence;
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

/** RFC 6121 §4: initial presence, probes, updates, unavailable and directed presence. */
class PresenceBroadcastTest {
    private static final String ALICE = "alice@localhost";
    private static final String BOB = "bob@localhost";

    /** alice and bob subscribed to each other, carol subscribed to alice only, dave nobody. */
    private static TestServer server() {
        TestServer server = new TestServer(new PresenceModule());
        both(server, ALICE, BOB);
        item(server, "carol@localhost", ALICE, Subscription.TO);
        item(server, ALICE, "carol@localhost", Subscription.FROM);
        return server;
    }

    @Test
    void initialPresenceGoesToSubscribersAndOwnResourcesAndProbesContacts() {
        try (TestServer server = server()) {
            List<Object> events = new ArrayList<>();
            server.context().events().on(InitialPresence.class, 0, e -> events.add(e.session().jid().toString()) && false);
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession carol = available(server, "carol@localhost/c", 0);
            TestSession laptop = available(server, ALICE + "/laptop", 0);
            bob.clear();
            carol.clear();
            TestSession phone = server.login(ALICE + "/phone");
            server.send(phone, "<presence><status>here</status><priority>5</priority></presence>");
            // §4.2.2: to the sender itself and the user's other available resources...
            presence(phone, null, ALICE + "/phone");
            presence(laptop, null, ALICE + "/phone");
            // ...the new resource learns about the others...
            presence(phone, null, ALICE + "/laptop");
            // ...and probes bob, whose server answers with his resources' presence (§4.3.2), to alice's bare JID.
            Stanza fromBob = presence(phone, null, BOB + "/pc");
            assertThat(fromBob.to().toString()).isEqualTo(ALICE);
            presence(laptop, null, BOB + "/pc");
            // Subscribers get it; carol is not probed (alice has no subscription to her).
            assertThat(presence(bob, null, ALICE + "/phone").element().childText("status", Namespaces.CLIENT)).isEqualTo("here");
            presence(carol, null, ALICE + "/phone");
            nothingMore(phone);
            nothingMore(laptop);
            nothingMore(bob);
            nothingMore(carol);
            assertThat(phone.isAvailable()).isTrue();
            assertThat(phone.priority()).isEqualTo(5);
            assertThat(events).containsExactly(BOB + "/pc", "carol@localhost/c", ALICE + "/laptop", ALICE + "/phone");
        }
    }

    @Test
    void aProbeOfAnOfflineContactIsAnsweredWithItsLastUnavailablePresence() {
        try (TestServer server = server()) {
            TestSession bob = available(server, BOB + "/pc", 0);
            Instant before = Instant.now().minusSeconds(1);
            server.send(bob, "<presence type='unavailable'><status>gone fishing</status></presence>");
            TestSession alice = server.login(ALICE + "/phone");
            server.send(alice, "<presence/>");
            presence(alice, null, ALICE + "/phone");
            Stanza last = presence(alice, "unavailable", BOB); // from the bare JID
            assertThat(last.element().childText("status", Namespaces.CLIENT)).isEqualTo("gone fishing");
            Element delay = last.element().child("delay", Namespaces.DELAY);
            assertThat(Instant.parse(delay.attr("stamp"))).isBetween(before, Instant.now());
            nothingMore(alice);
        }
    }

    @Test
    void aProbeOfAContactNeverSeenIsAnsweredWithPlainUnavailable() {
        try (TestServer server = server()) {
            TestSession alice = server.login(ALICE + "/phone");
            server.context().accounts().create(Jids.of(BOB).asEntityBareJidOrThrow(), "secret", false);
            server.send(alice, "<presence/>");
            presence(alice, null, ALICE + "/phone");
            Stanza p = presence(alice, "unavailable", BOB);
            assertThat(p.element().elements()).isEmpty();
        }
    }

    @Test
    void aProbeFromANonSubscriberIsAnsweredUnsubscribedThroughTheRouter() {
        try (TestServer server = server()) {
            List<Stanza> remote = new ArrayList<>();
            server.context().router().setRemoteRoute(remote::add);
            available(server, BOB + "/pc", 0);
            server.route(Stanza.of(Xml.parse("<presence type='probe'/>"), Jids.of("eve@remote.example"), Jids.of(BOB)));
            // A probe to a missing account is answered the same way (§8.5.1).
            server.route(Stanza.of(Xml.parse("<presence type='probe'/>"), Jids.of("eve@remote.example"), Jids.of("nobody@localhost/x")));
            assertThat(remote).extracting(Stanza::type, p -> p.from().toString(), p -> p.to().toString()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("unsubscribed", BOB, "eve@remote.example"),
                    org.assertj.core.groups.Tuple.tuple("unsubscribed", "nobody@localhost", "eve@remote.example"));
        }
    }

    @Test
    void aRemoteContactGetsPresenceAndProbesThroughTheRouter() {
        try (TestServer server = server()) {
            List<Stanza> remote = new ArrayList<>();
            server.context().router().setRemoteRoute(remote::add);
            both(server, ALICE, "eve@remote.example");
            TestSession alice = available(server, ALICE + "/phone", 0);
            server.logout(alice);
            assertThat(remote).extracting(p -> p.type() + " " + p.from() + " " + p.to()).containsExactly(
                    "null alice@localhost/phone eve@remote.example",
                    "probe alice@localhost eve@remote.example",
                    "unavailable alice@localhost/phone eve@remote.example");
        }
    }

    @Test
    void aStaleSubscriptionIsCorrectedByTheProbeAnswer() {
        try (TestServer server = server()) {
            available(server, BOB + "/pc", 0);
            TestSession dave = available(server, "dave@localhost/d", 0);
            // A client probe goes nowhere unless the client is subscribed...
            server.send(dave, "<presence type='probe' to='bob@localhost'/>");
            nothingMore(dave);
            // ...and when dave believes he is while bob does not agree, bob's answer ends it (§4.3.2).
            item(server, "dave@localhost", BOB, Subscription.TO);
            server.send(dave, "<presence type='probe' to='bob@localhost'/>");
            presence(dave, "unsubscribed", BOB);
            nothingMore(dave);
            assertThat(server.context().stores().roster().item(Jids.of("dave@localhost").asEntityBareJidOrThrow(),
                    Jids.of(BOB).asBareJid()).orElseThrow().subscription()).isEqualTo(Subscription.NONE);
        }
    }

    @Test
    void aClientProbeOfAContactGetsItsPresence() {
        try (TestServer server = server()) {
            available(server, BOB + "/pc", 0);
            TestSession alice = available(server, ALICE + "/phone", 0);
            server.send(alice, "<presence type='probe' to='bob@localhost'/>");
            presence(alice, null, BOB + "/pc");
            nothingMore(alice);
        }
    }

    @Test
    void updatesAreBroadcastWithoutNewProbes() {
        try (TestServer server = server()) {
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession alice = available(server, ALICE + "/phone", 0);
            bob.clear();
            server.send(alice, "<presence><show>away</show></presence>");
            presence(alice, null, ALICE + "/phone");
            nothingMore(alice); // no probe answers this time
            assertThat(presence(bob, null, ALICE + "/phone").element().childText("show", Namespaces.CLIENT)).isEqualTo("away");
            nothingMore(bob);
        }
    }

    @Test
    void unavailablePresenceIsBroadcastAndPublished() {
        try (TestServer server = server()) {
            List<String> events = new ArrayList<>();
            server.context().events().on(PresenceUnavailable.class, 0, e -> events.add(e.session().jid() + " " + e.presence().type()) && false);
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession laptop = available(server, ALICE + "/laptop", 0);
            TestSession phone = available(server, ALICE + "/phone", 0);
            bob.clear();
            laptop.clear();
            server.send(phone, "<presence type='unavailable'/>");
            presence(bob, "unavailable", ALICE + "/phone");
            presence(laptop, "unavailable", ALICE + "/phone");
            nothingMore(phone);
            assertThat(phone.isAvailable()).isFalse();
            assertThat(events).containsExactly(ALICE + "/phone unavailable");
            // Not available any more: a second unavailable tells nobody.
            server.send(phone, "<presence type='unavailable'/>");
            nothingMore(bob);
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void anAvailableSessionThatEndsSaysUnavailable() {
        try (TestServer server = server()) {
            List<String> events = new ArrayList<>();
            server.context().events().on(PresenceUnavailable.class, 0, e -> events.add(e.session().jid().toString()) && false);
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession alice = available(server, ALICE + "/phone", 0);
            TestSession silent = server.login(ALICE + "/silent");
            bob.clear();
            server.logout(alice);
            presence(bob, "unavailable", ALICE + "/phone");
            server.logout(silent); // never available: nothing to say
            nothingMore(bob);
            assertThat(events).containsExactly(ALICE + "/phone");
        }
    }

    @Test
    void directedPresenceRecipientsHearOfTheLogout() {
        try (TestServer server = server()) {
            TestSession dave = available(server, "dave@localhost/d", 0);
            TestSession erin = available(server, "erin@localhost/e", 0);
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession alice = available(server, ALICE + "/phone", 0);
            bob.clear();
            server.send(alice, "<presence to='dave@localhost/d'><show>chat</show></presence>");
            presence(dave, null, ALICE + "/phone");
            server.send(alice, "<presence to='erin@localhost'/>");
            presence(erin, null, ALICE + "/phone"); // to the bare JID: every available resource
            server.send(alice, "<presence to='erin@localhost' type='unavailable'/>");
            presence(erin, "unavailable", ALICE + "/phone");
            // §4.6: directed presence is not a subscription: updates do not follow it.
            server.send(alice, "<presence><show>xa</show></presence>");
            presence(bob, null, ALICE + "/phone");
            nothingMore(dave);
            server.logout(alice);
            presence(bob, "unavailable", ALICE + "/phone");
            presence(dave, "unavailable", ALICE + "/phone");
            nothingMore(erin); // she was told already
            nothingMore(bob);
        }
    }

    @Test
    void presenceToABareJidReachesOnlyAvailableResources() {
        try (TestServer server = server()) {
            TestSession dave = available(server, "dave@localhost/d", 0);
            TestSession bobUp = available(server, BOB + "/up", -1);
            TestSession bobConnected = server.login(BOB + "/connected");
            server.send(dave, "<presence to='bob@localhost'/>");
            presence(bobUp, null, "dave@localhost/d");
            nothingMore(bobConnected);
            // A full JID gets it even when only connected (§8.5.3.1).
            server.send(dave, "<presence to='bob@localhost/connected'/>");
            presence(bobConnected, null, "dave@localhost/d");
            // Gone resources and missing accounts: silently dropped.
            server.send(dave, "<presence to='bob@localhost/gone'/>");
            server.send(dave, "<presence to='nobody@localhost'/>");
            nothingMore(dave);
            nothingMore(bobUp);
        }
    }

    @Test
    void aSessionReplacedUnderTheSameJidDoesNotMakeItLookOffline() {
        try (TestServer server = server()) {
            TestSession bob = available(server, BOB + "/pc", 0);
            TestSession first = available(server, ALICE + "/phone", 0);
            TestSession second = available(server, ALICE + "/phone", 0); // takes the JID over
            bob.clear();
            server.logout(first);
            nothingMore(bob);
            assertThat(second.isAvailable()).isTrue();
        }
    }

    private static void both(TestServer server, String a, String b) {
        item(server, a, b, Subscription.BOTH);
        item(server, b, a, Subscription.BOTH);
    }

    private static void item(TestServer server, String owner, String contact, Subscription subscription) {
        EntityBareJid o = Jids.of(owner).asEntityBareJidOrThrow();
        BareJid c = Jids.of(contact).asBareJid();
        server.context().stores().roster().put(o, RosterItem.of(c).withSubscription(subscription));
    }
}
