package org.passerelle.modules.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.clear;
import static org.passerelle.modules.ImTesting.condition;
import static org.passerelle.modules.ImTesting.nothingMore;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.presence.PresenceModule;

/** RFC 6121 §8.5 for messages, with the presence module making sessions available. */
class MessageDeliveryTest {
    private static TestServer server() {
        return new TestServer(new PresenceModule(), new MessageModule());
    }

    @Test
    void toABareJidTheHighestNonNegativePriorityWins() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession low = available(server, "bob@localhost/low", 1);
            TestSession high = available(server, "bob@localhost/high", 7);
            TestSession negative = available(server, "bob@localhost/neg", -5);
            TestSession connected = server.login("bob@localhost/connected");
            clear(low, high, negative, connected);
            for (String type : List.of("chat", "normal")) {
                server.send(sender, "<message to='bob@localhost' type='" + type + "'><body>hi</body></message>");
                Stanza got = high.next();
                assertThat(got.to().toString()).isEqualTo("bob@localhost"); // never rewritten
                assertThat(got.element().childText("body", Namespaces.CLIENT)).isEqualTo("hi");
            }
            for (TestSession s : List.of(low, negative, connected, sender)) nothingMore(s);
        }
    }

    @Test
    void tiedResourcesAllGetIt() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession one = available(server, "bob@localhost/one", 3);
            TestSession two = available(server, "bob@localhost/two", 3);
            TestSession low = available(server, "bob@localhost/low", 0);
            clear(one, two, low);
            server.send(sender, "<message to='bob@localhost' type='chat'><body>both</body></message>");
            assertThat(one.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("both");
            assertThat(two.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("both");
            nothingMore(low);
        }
    }

    @Test
    void onlyNegativePrioritiesCountAsNobodyAndTheSenderIsTold() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession negative = available(server, "bob@localhost/neg", -1);
            List<Stanza> undeliverable = new ArrayList<>();
            server.context().events().on(MessageUndeliverable.class, 0, e -> undeliverable.add(e.message()) && false);
            server.send(sender, "<message id='m1' to='bob@localhost' type='chat'><body>anyone?</body></message>");
            assertThat(undeliverable).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("m1"));
            Stanza error = sender.next();
            assertThat(error.id()).isEqualTo("m1");
            assertThat(condition(error)).isEqualTo("service-unavailable");
            nothingMore(negative);
        }
    }

    @Test
    void anUndeliverableMessageTakenByAModuleIsNotBounced() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            server.context().accounts().create(org.passerelle.core.stanza.Jids.of("bob@localhost").asEntityBareJidOrThrow(), "secret", false);
            List<Stanza> taken = new ArrayList<>();
            server.context().events().on(MessageUndeliverable.class, 0, e -> taken.add(e.message()));
            server.send(sender, "<message to='bob@localhost'><body>later</body></message>");
            assertThat(taken).hasSize(1);
            nothingMore(sender);
        }
    }

    @Test
    void headlinesGoToEveryNonNegativeResourceOrNowhere() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession one = available(server, "bob@localhost/one", 0);
            TestSession two = available(server, "bob@localhost/two", 9);
            TestSession negative = available(server, "bob@localhost/neg", -1);
            clear(one, two, negative);
            server.send(sender, "<message to='bob@localhost' type='headline'><body>news</body></message>");
            assertThat(one.next().type()).isEqualTo("headline");
            assertThat(two.next().type()).isEqualTo("headline");
            nothingMore(negative);
            TestSession carol = available(server, "carol@localhost/neg", -1);
            server.send(sender, "<message to='carol@localhost' type='headline'><body>news</body></message>");
            nothingMore(carol);
            nothingMore(sender); // only a negative resource: dropped quietly
        }
    }

    @Test
    void groupchatToABareJidIsAnErrorAndErrorsAreDropped() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/b", 0);
            server.send(sender, "<message id='g' to='bob@localhost' type='groupchat'><body>x</body></message>");
            assertThat(condition(sender.next())).isEqualTo("service-unavailable");
            server.send(sender, "<message id='e' to='bob@localhost' type='error'><error type='cancel'>"
                    + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
            nothingMore(bob);
            nothingMore(sender);
        }
    }

    @Test
    void aFullJidWithASessionGetsItEvenWhenOnlyConnected() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession connected = server.login("bob@localhost/connected");
            TestSession high = available(server, "bob@localhost/high", 9);
            clear(connected, high);
            for (String type : List.of("normal", "chat", "headline", "groupchat")) {
                server.send(sender, "<message to='bob@localhost/connected' type='" + type + "'><body>x</body></message>");
                assertThat(connected.next().type()).isEqualTo(type);
            }
            nothingMore(high);
        }
    }

    @Test
    void aFullJidWithoutASessionFollowsTheRulesOfItsType() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            TestSession bob = available(server, "bob@localhost/here", 0);
            // chat: as if to the bare JID (§8.5.3.2.1).
            server.send(sender, "<message to='bob@localhost/gone' type='chat'><body>c</body></message>");
            Stanza chat = bob.next();
            assertThat(chat.to().toString()).isEqualTo("bob@localhost/gone");
            // normal and groupchat: service-unavailable; headline and error: silence.
            server.send(sender, "<message id='n' to='bob@localhost/gone'><body>n</body></message>");
            assertThat(condition(sender.next())).isEqualTo("service-unavailable");
            server.send(sender, "<message id='g' to='bob@localhost/gone' type='groupchat'><body>g</body></message>");
            assertThat(condition(sender.next())).isEqualTo("service-unavailable");
            server.send(sender, "<message to='bob@localhost/gone' type='headline'><body>h</body></message>");
            server.send(sender, "<message to='bob@localhost/gone' type='error'/>");
            nothingMore(sender);
            nothingMore(bob);
        }
    }

    @Test
    void aMissingAccountIsServiceUnavailable() {
        try (TestServer server = server()) {
            TestSession sender = available(server, "alice@localhost/a", 0);
            for (String to : List.of("nobody@localhost", "nobody@localhost/res")) {
                server.send(sender, "<message id='m' to='" + to + "' type='chat'><body>x</body></message>");
                Stanza error = sender.next();
                assertThat(condition(error)).isEqualTo("service-unavailable");
                assertThat(error.from().toString()).isEqualTo(to);
                server.send(sender, "<iq id='q' type='get' to='" + to + "'><query xmlns='urn:example'/></iq>");
                assertThat(condition(sender.next())).isEqualTo("service-unavailable");
            }
            // Even for a namespace some module answers for accounts.
            server.context().iqs().register(org.passerelle.core.routing.Destination.ACCOUNT, "urn:answered", iq -> iq.result(null));
            server.send(sender, "<iq id='a' type='get' to='nobody@localhost'><query xmlns='urn:answered'/></iq>");
            assertThat(condition(sender.next())).isEqualTo("service-unavailable");
            server.send(sender, "<iq id='b' type='get' to='alice@localhost'><query xmlns='urn:answered'/></iq>");
            assertThat(sender.next().type()).isEqualTo("result");
            server.send(sender, "<message to='nobody@localhost' type='error'/>");
            server.send(sender, "<presence to='nobody@localhost'/>");
            server.send(sender, "<presence to='nobody@localhost' type='subscribe'/>");
            nothingMore(sender);
        }
    }

    @Test
    void aMessageWithABodyForAnAppThatIsAwayIsAnnouncedOnce() {
        try (TestServer server = server()) {
            List<String> events = new ArrayList<>();
            server.context().events().on(AppAway.class, 0, e -> events.add("away " + e.account() + " offline=" + e.offline()) && false);
            server.context().events().on(MessageUndeliverable.class, 0, e -> events.add("undeliverable") && true);
            TestSession sender = available(server, "alice@localhost/a", 0);
            server.context().accounts().create(org.passerelle.core.stanza.Jids.of("bob@localhost").asEntityBareJidIfPossible(), "pw", false);

            server.send(sender, "<message to='bob@localhost' type='chat'><body>are you there?</body></message>");
            assertThat(events).containsExactly("away bob@localhost offline=true", "undeliverable");
            events.clear();
            server.send(sender, "<message to='bob@localhost' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
            assertThat(events).as("a chat state wakes nobody").containsExactly("undeliverable");
            events.clear();

            TestSession phone = available(server, "bob@localhost/phone", 0);
            clear(phone);
            phone.setAttached(false);
            server.send(sender, "<message to='bob@localhost' type='chat'><body>asleep?</body></message>");
            assertThat(phone.next().element().childText("body", Namespaces.CLIENT)).as("kept for resumption").isEqualTo("asleep?");
            server.send(sender, "<message to='bob@localhost/phone' type='chat'><body>full JID</body></message>");
            phone.next();
            server.send(sender, "<message to='bob@localhost/phone' type='groupchat'><body>a room's line</body></message>");
            phone.next();
            assertThat(events).as("a room's traffic wakes nobody").containsExactly("away bob@localhost offline=false", "away bob@localhost offline=false");
            events.clear();

            phone.setAttached(true);
            server.send(sender, "<message to='bob@localhost' type='chat'><body>awake</body></message>");
            phone.next();
            assertThat(events).as("a connected app needs no waking").isEmpty();
        }
    }
}
