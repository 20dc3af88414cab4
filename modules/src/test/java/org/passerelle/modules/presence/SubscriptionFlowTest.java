package org.passerelle.modules.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.interested;
import static org.passerelle.modules.ImTesting.nothingMore;
import static org.passerelle.modules.ImTesting.presence;
import static org.passerelle.modules.ImTesting.push;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.roster.RosterModule;
import org.passerelle.xml.Element;

/** RFC 6121 §3 end to end between two local accounts, each online, interested and available. */
class SubscriptionFlowTest {
    private static final String ALICE = "alice@localhost";
    private static final String BOB = "bob@localhost";

    private TestServer server() {
        return new TestServer(new RosterModule(), new PresenceModule());
    }

    private static TestSession online(TestServer server, String jid) {
        TestSession s = available(server, jid, 0);
        interested(server, s);
        return s;
    }

    @Test
    void aRequestIsStampedWithTheBareJidAndShownOnlyToTheRequester() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            // §3.1.2: sent to a full JID, stamped with bare JIDs; alice's roster says she asked.
            server.send(alice, "<presence type='subscribe' to='bob@localhost/pc'><status>hi</status></presence>");
            Element asked = push(alice, BOB);
            assertThat(asked.attr("subscription")).isEqualTo("none");
            assertThat(asked.attr("ask")).isEqualTo("subscribe");
            nothingMore(alice);
            // §3.1.3: bob is asked once; his roster shows nothing yet.
            org.passerelle.core.stanza.Stanza request = presence(bob, "subscribe", ALICE);
            assertThat(request.to().toString()).isEqualTo(BOB);
            assertThat(request.element().childText("status", "jabber:client")).isEqualTo("hi");
            nothingMore(bob);
            assertThat(item(server, BOB, ALICE).pendingIn()).isTrue();
        }
    }

    @Test
    void approvalAndMutualSubscription() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            server.send(alice, "<presence type='subscribe' to='bob@localhost'/>");
            push(alice, BOB);
            presence(bob, "subscribe", ALICE);
            nothingMore(bob);

            // §3.1.5: bob approves; both rosters change; alice gets the approval and bob's presence.
            server.send(bob, "<presence type='subscribed' to='alice@localhost'/>");
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("from");
            nothingMore(bob);
            Element to = push(alice, BOB);
            assertThat(to.attr("subscription")).isEqualTo("to");
            assertThat(to.attr("ask")).isNull();
            presence(alice, "subscribed", BOB);
            presence(alice, null, BOB + "/pc");
            nothingMore(alice);

            // Now the other way.
            server.send(bob, "<presence type='subscribe' to='alice@localhost'/>");
            Element fromAsk = push(bob, ALICE);
            assertThat(fromAsk.attr("subscription")).isEqualTo("from");
            assertThat(fromAsk.attr("ask")).isEqualTo("subscribe");
            presence(alice, "subscribe", BOB);
            nothingMore(alice); // alice's item went To -> To + pending in: nothing a client sees

            server.send(alice, "<presence type='subscribed' to='bob@localhost'/>");
            assertThat(push(alice, BOB).attr("subscription")).isEqualTo("both");
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("both");
            presence(bob, "subscribed", ALICE);
            presence(bob, null, ALICE + "/phone");
            nothingMore(alice);
            nothingMore(bob);

            assertThat(item(server, ALICE, BOB).subscription()).isEqualTo(Subscription.BOTH);
            assertThat(item(server, BOB, ALICE).subscription()).isEqualTo(Subscription.BOTH);

            // Presence now flows both ways.
            server.send(alice, "<presence><show>away</show></presence>");
            presence(alice, null, ALICE + "/phone");
            assertThat(presence(bob, null, ALICE + "/phone").element().childText("show", "jabber:client")).isEqualTo("away");
        }
    }

    @Test
    void aRepeatedRequestToASubscriberIsAnsweredByTheServerNotTheUser() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            subscribe(server, alice, bob);
            alice.clear();
            bob.clear();
            // alice asks again: bob's server answers for him (§3.1.3), and alice's server drops the
            // answer since she had not asked anything it did not know (§3.1.6).
            server.send(alice, "<presence type='subscribe' to='bob@localhost'/>");
            nothingMore(alice);
            nothingMore(bob);
            assertThat(item(server, ALICE, BOB).subscription()).isEqualTo(Subscription.TO);
            assertThat(item(server, BOB, ALICE).subscription()).isEqualTo(Subscription.FROM);
        }
    }

    @Test
    void aRefusalLeavesNoTraceInTheRefusersRoster() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            server.send(alice, "<presence type='subscribe' to='bob@localhost'/>");
            push(alice, BOB);
            presence(bob, "subscribe", ALICE);
            assertThat(item(server, BOB, ALICE).pendingIn()).isTrue();

            server.send(bob, "<presence type='unsubscribed' to='alice@localhost'/>");
            nothingMore(bob); // the hidden request goes away without a push
            assertThat(item(server, BOB, ALICE)).isNull();
            Element none = push(alice, BOB);
            assertThat(none.attr("subscription")).isEqualTo("none");
            assertThat(none.attr("ask")).isNull();
            presence(alice, "unsubscribed", BOB);
            nothingMore(alice);
        }
    }

    @Test
    void cancellingAndUnsubscribing() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            subscribe(server, alice, bob);
            subscribe(server, bob, alice);
            alice.clear();
            bob.clear();

            // §3.3: alice no longer wants bob's presence.
            server.send(alice, "<presence type='unsubscribe' to='bob@localhost'/>");
            assertThat(push(alice, BOB).attr("subscription")).isEqualTo("from");
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("to");
            presence(bob, "unsubscribe", ALICE);
            presence(alice, "unavailable", BOB + "/pc");
            nothingMore(alice);
            nothingMore(bob);

            // §3.2: bob takes away alice's subscription to him... there is none left; alice cancels bob's.
            server.send(alice, "<presence type='unsubscribed' to='bob@localhost'/>");
            assertThat(push(alice, BOB).attr("subscription")).isEqualTo("none");
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("none");
            presence(bob, "unsubscribed", ALICE);
            presence(bob, "unavailable", ALICE + "/phone");
            nothingMore(alice);
            nothingMore(bob);
            assertThat(item(server, ALICE, BOB).subscription()).isEqualTo(Subscription.NONE);
            assertThat(item(server, BOB, ALICE).subscription()).isEqualTo(Subscription.NONE);

            // Broadcasts stop.
            server.send(alice, "<presence><show>dnd</show></presence>");
            presence(alice, null, ALICE + "/phone");
            nothingMore(bob);
        }
    }

    @Test
    void preApprovalGrantsTheLaterRequestWithoutAskingTheUser() {
        try (TestServer server = server()) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).contains(Element.of("sub", "urn:xmpp:features:pre-approval"));
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");

            server.send(alice, "<presence type='subscribed' to='bob@localhost'/>");
            Element approved = push(alice, BOB);
            assertThat(approved.attr("approved")).isEqualTo("true");
            assertThat(approved.attr("subscription")).isEqualTo("none");
            nothingMore(bob); // §3.4: a pre-approval is not sent to the contact

            server.send(bob, "<presence type='subscribe' to='alice@localhost'/>");
            push(bob, ALICE);
            Element granted = push(alice, BOB);
            assertThat(granted.attr("subscription")).isEqualTo("from");
            assertThat(granted.attr("approved")).isNull();
            nothingMore(alice); // alice is not asked
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("to");
            presence(bob, "subscribed", ALICE);
            presence(bob, null, ALICE + "/phone");
            nothingMore(bob);
        }
    }

    @Test
    void aPreApprovalCanBeWithdrawn() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            server.send(alice, "<presence type='subscribed' to='bob@localhost'/>");
            push(alice, BOB);
            server.send(alice, "<presence type='unsubscribed' to='bob@localhost'/>");
            assertThat(push(alice, BOB).attr("approved")).isNull();
            nothingMore(bob);
            server.send(bob, "<presence type='subscribe' to='alice@localhost'/>");
            push(bob, ALICE);
            // Bob stays on Alice's list (she put him there); she is asked, as without pre-approval.
            presence(alice, "subscribe", BOB);
            assertThat(item(server, ALICE, BOB).visible()).isTrue();
        }
    }

    @Test
    void withoutPreApprovalAnUnaskedApprovalIsIgnored() {
        try (TestServer server = new TestServer("modules:\n  presence:\n    preApproval: false\n", new RosterModule(), new PresenceModule())) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).doesNotContain(Element.of("sub", "urn:xmpp:features:pre-approval"));
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            server.send(alice, "<presence type='subscribed' to='bob@localhost'/>");
            nothingMore(alice);
            nothingMore(bob);
            assertThat(item(server, ALICE, BOB)).isNull();
        }
    }

    @Test
    void aRequestToAnOfflineAccountWaitsForItsNextInitialPresence() {
        try (TestServer server = server()) {
            server.context().accounts().create(Jids.of(BOB).asEntityBareJidOrThrow(), "secret", false);
            TestSession old = server.login(BOB + "/old"); // connected but never available: not told
            TestSession alice = online(server, ALICE + "/phone");
            server.send(alice, "<presence type='subscribe' to='bob@localhost'/>");
            push(alice, BOB);
            nothingMore(old);
            TestSession bob = server.login(BOB + "/pc");
            server.send(bob, "<presence/>");
            presence(bob, null, BOB + "/pc");
            presence(bob, "subscribe", ALICE);
            nothingMore(bob);
            // Still pending: asked again at the next login.
            server.logout(bob);
            TestSession again = server.login(BOB + "/tablet");
            server.send(again, "<presence/>");
            presence(again, null, BOB + "/tablet");
            presence(again, "subscribe", ALICE);
        }
    }

    @Test
    void removingAContactCancelsBothSubscriptions() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            subscribe(server, alice, bob);
            subscribe(server, bob, alice);
            alice.clear();
            bob.clear();
            server.send(alice, "<iq type='set' id='rm'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='bob@localhost' subscription='remove'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(push(alice, BOB).attr("subscription")).isEqualTo("remove");
            assertThat(item(server, ALICE, BOB)).isNull();
            assertThat(item(server, BOB, ALICE).subscription()).isEqualTo(Subscription.NONE);
            // bob: both -> to (alice unsubscribed) -> none (alice cancelled his), and alice looks offline.
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("to");
            presence(bob, "unsubscribe", ALICE);
            assertThat(push(bob, ALICE).attr("subscription")).isEqualTo("none");
            presence(bob, "unsubscribed", ALICE);
            presence(bob, "unavailable", ALICE + "/phone");
            nothingMore(bob);
        }
    }

    @Test
    void aRemoteContactIsReachedThroughTheRouter() {
        try (TestServer server = server()) {
            java.util.List<org.passerelle.core.stanza.Stanza> remote = new java.util.ArrayList<>();
            server.context().router().setRemoteRoute(remote::add);
            TestSession alice = online(server, ALICE + "/phone");
            server.send(alice, "<presence type='subscribe' to='eve@remote.example/laptop'/>");
            assertThat(push(alice, "eve@remote.example").attr("ask")).isEqualTo("subscribe");
            assertThat(remote).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo("subscribe");
                assertThat(p.from().toString()).isEqualTo(ALICE);
                assertThat(p.to().toString()).isEqualTo("eve@remote.example");
            });
            // Her server's answer comes in through the router like any stanza for alice.
            server.route(org.passerelle.core.stanza.Stanza.of(org.passerelle.core.testing.Xml.parse("<presence type='subscribed'/>"),
                    Jids.of("eve@remote.example"), Jids.of(ALICE)));
            assertThat(push(alice, "eve@remote.example").attr("subscription")).isEqualTo("to");
            presence(alice, "subscribed", "eve@remote.example");
        }
    }

    @Test
    void subscriptionStanzasForMissingAccountsAreIgnored() {
        try (TestServer server = server()) {
            TestSession alice = online(server, ALICE + "/phone");
            server.send(alice, "<presence type='subscribe' to='nobody@localhost'/>");
            assertThat(push(alice, "nobody@localhost").attr("ask")).isEqualTo("subscribe");
            nothingMore(alice); // §8.5.1: no answer for a missing account
        }
    }

    @Test
    void aFullRosterRefusesTheRequest() {
        try (TestServer server = new TestServer("limits:\n  rosterItems: 1\n", new RosterModule(), new PresenceModule())) {
            TestSession alice = online(server, ALICE + "/phone");
            TestSession bob = online(server, BOB + "/pc");
            server.send(alice, "<presence type='subscribe' to='carol@localhost'/>");
            push(alice, "carol@localhost");
            server.send(alice, "<presence type='subscribe' to='bob@localhost'/>");
            assertThat(org.passerelle.modules.ImTesting.condition(alice.next())).isEqualTo("resource-constraint");
            nothingMore(bob);
        }
    }

    /** {@code from} asks {@code to}, which approves; pushes and presences are left in the queues. */
    private static void subscribe(TestServer server, TestSession from, TestSession to) {
        server.send(from, "<presence type='subscribe' to='" + to.bareJid() + "'/>");
        server.send(to, "<presence type='subscribed' to='" + from.bareJid() + "'/>");
    }

    private static RosterItem item(TestServer server, String owner, String contact) {
        return server.context().stores().roster().item(Jids.of(owner).asEntityBareJidOrThrow(), Jids.of(contact).asBareJid()).orElse(null);
    }
}
