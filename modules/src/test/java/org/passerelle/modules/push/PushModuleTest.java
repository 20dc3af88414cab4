package org.passerelle.modules.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.ImTesting.condition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.event.SessionResumed;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

/** Enable/disable, what is published and when, and how registrations end; the app server is a local session. */
class PushModuleTest {
    private static final EntityBareJid BOB = Jids.of("bob@localhost").asEntityBareJidIfPossible();
    private static final String SECRET_FORM = "<x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
            + "<field var='secret'><value>s3cr3t</value></field>";

    private static TestServer server(String pushOptions) {
        return new TestServer("modules:\n  push: " + pushOptions + "\n", new PresenceModule(), new MessageModule(), new PushModule());
    }

    /** Enables push from the session and checks the result. */
    private static void enable(TestServer server, TestSession client, String node, String form) {
        server.send(client, "<iq type='set' id='en'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='" + node + "'>"
                + form + "</enable></iq>");
        Stanza answer = client.next();
        assertThat(answer.type()).as(answer.toString()).isEqualTo("result");
    }

    private static int stored(TestServer server) {
        return server.context().stores().keyValue().all(BOB, PushModule.NS).size();
    }

    /** The summary form of a notification the app server received, checking the envelope on the way. */
    private static DataForm summary(Stanza iq, String node) {
        assertThat(iq.isIqRequest()).as(iq.toString()).isTrue();
        assertThat(iq.type()).isEqualTo("set");
        assertThat(iq.from().toString()).isEqualTo("bob@localhost");
        Element publish = iq.element().child("pubsub", Notifier.PUBSUB).child("publish", Notifier.PUBSUB);
        assertThat(publish.attr("node")).isEqualTo(node);
        Element notification = publish.child("item", Notifier.PUBSUB).child("notification", PushModule.NS);
        DataForm form = DataForm.find(notification);
        assertThat(form.formType()).isEqualTo("urn:xmpp:push:summary");
        return form;
    }

    private static void answer(TestServer server, TestSession app, Stanza iq, String error) {
        String inner = error == null ? "" : "<error type='" + error.split(" ")[0] + "'><" + error.split(" ")[1]
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>";
        server.send(app, "<iq type='" + (error == null ? "result" : "error") + "' to='bob@localhost' id='" + iq.id() + "'>" + inner + "</iq>");
    }

    /** Bob's phone, available and then detached as a phone whose app was put to sleep. */
    private static TestSession sleepingPhone(TestServer server) {
        TestSession phone = available(server, "bob@localhost/phone", 0);
        phone.setAttached(false);
        return phone;
    }

    private static void chat(TestServer server, TestSession from, String body) {
        server.send(from, "<message to='bob@localhost' type='chat'><body>" + body + "</body></message>");
    }

    @Test
    void clientsEnableAndDisableRegistrationsForTheirOwnAccount() throws Exception {
        try (TestServer server = server("{maxRegistrationsPerAccount: 3}")) {
            TestSession phone = server.login("bob@localhost/phone");
            TestSession tablet = server.login("bob@localhost/tablet");
            enable(server, phone, "n1", "");
            enable(server, phone, "n2", SECRET_FORM + "</x>");
            enable(server, tablet, "n3", "");
            enable(server, tablet, "n3", ""); // the same jid and node again replaces it
            assertThat(stored(server)).isEqualTo(3);
            server.send(tablet, "<iq type='set' id='x'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='n4'/></iq>");
            assertThat(condition(tablet.next())).isEqualTo("resource-constraint");

            TestSession mallory = server.login("mallory@localhost/r");
            server.send(mallory, "<iq type='set' id='m' to='bob@localhost'><enable xmlns='urn:xmpp:push:0' jid='evil@localhost' node='x'/></iq>");
            assertThat(condition(mallory.next())).isEqualTo("forbidden");
            server.send(phone, "<iq type='set' id='b'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push'/></iq>");
            assertThat(condition(phone.next())).as("node is required").isEqualTo("bad-request");
            server.send(phone, "<iq type='set' id='j'><disable xmlns='urn:xmpp:push:0' node='n1'/></iq>");
            assertThat(condition(phone.next())).as("jid is required").isEqualTo("bad-request");
            server.send(phone, "<iq type='set' id='k'><enable xmlns='urn:xmpp:push:0' jid='@@' node='n1'/></iq>");
            assertThat(condition(phone.next())).isEqualTo("jid-malformed");
            server.send(phone, "<iq type='set' id='f'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='n5'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other</value></field></x></enable></iq>");
            assertThat(condition(phone.next())).as("only publish-options forms").isEqualTo("bad-request");
            server.send(phone, "<iq type='get' id='g'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='n1'/></iq>");
            assertThat(condition(phone.next())).isEqualTo("bad-request");

            server.send(phone, "<iq type='set' id='d1'><disable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='n1'/></iq>");
            assertThat(phone.next().type()).isEqualTo("result");
            assertThat(server.context().stores().keyValue().all(BOB, PushModule.NS).keySet())
                    .containsExactlyInAnyOrder("app@localhost/push\nn2", "app@localhost/push\nn3");
            server.send(phone, "<iq type='set' id='d2'><disable xmlns='urn:xmpp:push:0' jid='app@localhost/push'/></iq>");
            assertThat(phone.next().type()).isEqualTo("result");
            assertThat(stored(server)).as("without a node: every node of that app server").isZero();
        }
    }

    @Test
    void aDetachedPhoneGetsACountedSummaryWithSenderAndPublishOptionsButNoBody() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 0}")) {
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = sleepingPhone(server);
            enable(server, phone, "node-1", SECRET_FORM + "</x>");

            chat(server, alice, "first");
            Stanza iq = app.next();
            DataForm form = summary(iq, "node-1");
            assertThat(form.value("message-count")).isEqualTo("1");
            assertThat(form.value("last-message-sender")).isEqualTo("alice@localhost/pc");
            assertThat(form.field("last-message-body")).as("no text unless asked").isNull();
            DataForm options = DataForm.find(iq.element().child("pubsub", Notifier.PUBSUB).child("publish-options", Notifier.PUBSUB));
            assertThat(options.formType()).isEqualTo(Registration.PUBLISH_OPTIONS);
            assertThat(options.value("secret")).isEqualTo("s3cr3t");
            answer(server, app, iq, null);
            assertThat(phone.next().element().childText("body", Namespaces.CLIENT)).as("still kept for the phone").isEqualTo("first");

            chat(server, alice, "second");
            assertThat(summary(app.next(), "node-1").value("message-count")).isEqualTo("2");

            phone.setAttached(true);
            server.context().events().publish(new SessionResumed(phone));
            chat(server, alice, "while connected");
            app.assertNothingMore();
            phone.setAttached(false);
            chat(server, alice, "asleep again");
            assertThat(summary(app.next(), "node-1").value("message-count")).as("counted since the phone was back").isEqualTo("1");
        }
    }

    @Test
    void theTextGoesOnlyToAClientThatAskedAndOnlyIfTheOperatorAllows() throws Exception {
        for (boolean allowed : List.of(true, false)) {
            try (TestServer server = server("{minIntervalSeconds: 0, includeBodyAllowed: " + allowed + "}")) {
                TestSession app = server.login("app@localhost/push");
                TestSession alice = available(server, "alice@localhost/pc", 0);
                TestSession phone = sleepingPhone(server);
                enable(server, phone, "with-body", SECRET_FORM + "<field var='include-body'><value>true</value></field></x>");
                chat(server, alice, "meet at 8");
                Stanza iq = app.next();
                assertThat(summary(iq, "with-body").value("last-message-body")).isEqualTo(allowed ? "meet at 8" : null);
                DataForm options = DataForm.find(iq.element().child("pubsub", Notifier.PUBSUB).child("publish-options", Notifier.PUBSUB));
                assertThat(options.field("include-body")).as("our own field is not passed on").isNull();
                assertThat(options.value("secret")).isEqualTo("s3cr3t");
            }
        }
    }

    @Test
    void aBurstGivesOneNotificationNowAndOneWithTheTotalAfterTheInterval() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 1}")) {
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = sleepingPhone(server);
            enable(server, phone, "n", "");
            for (String body : List.of("one", "two", "three")) chat(server, alice, body);
            assertThat(summary(app.next(), "n").value("message-count")).isEqualTo("1");
            assertThat(app.poll(Duration.ofMillis(700))).as("held by the interval").isNull();
            Stanza later = app.poll(Duration.ofSeconds(2));
            assertThat(later).as("the coalesced notification").isNotNull();
            assertThat(summary(later, "n").value("message-count")).isEqualTo("3");
            app.assertNothingMore();
        }
    }

    @Test
    void anErrorFromTheAppServerRemovesTheRegistrationButWaitAndForgedErrorsDoNot() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 0}")) {
            List<String> after = new ArrayList<>();
            server.context().events().on(AppAway.class, 100, e -> after.add(e.message().element().childText("body", Namespaces.CLIENT)) && false);
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = sleepingPhone(server);
            enable(server, phone, "n", "");

            chat(server, alice, "1");
            answer(server, app, app.next(), "wait resource-constraint");
            chat(server, alice, "2");
            Stanza iq = app.next();
            server.send(alice, "<iq type='error' to='bob@localhost' id='" + iq.id() + "'><error type='cancel'>"
                    + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            assertThat(stored(server)).as("kept after wait and after an error from someone else").isEqualTo(1);
            assertThat(after).as("consumed while notifications go out").isEmpty();

            chat(server, alice, "3");
            answer(server, app, app.next(), "cancel item-not-found");
            assertThat(stored(server)).isZero();
            chat(server, alice, "4");
            app.assertNothingMore();
            assertThat(after).as("not consumed once nothing is sent").containsExactly("4");
        }
    }

    @Test
    void anUnansweredNotificationKeepsTheRegistrationAndAnOfflineAppServerLosesIt() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 0, timeoutSeconds: 1}")) {
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = sleepingPhone(server);
            enable(server, phone, "n", "");
            chat(server, alice, "unanswered");
            app.next();
            Thread.sleep(1300);
            assertThat(stored(server)).as("a timeout keeps it").isEqualTo(1);

            server.logout(app);
            chat(server, alice, "nobody there");
            assertThat(stored(server)).as("service-unavailable from the app server's full JID").isZero();
        }
    }

    @Test
    void aListenerBeforePushThatConsumesTheEventStopsThePush() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 0}")) {
            List<String> sms = new ArrayList<>();
            server.context().events().on(AppAway.class, 10, e -> sms.add(e.account().toString()));
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = sleepingPhone(server);
            enable(server, phone, "n", "");
            chat(server, alice, "by SMS");
            assertThat(sms).containsExactly("bob@localhost");
            app.assertNothingMore();
        }
    }

    @Test
    void aConnectedClientIsNotWokenAndAnAccountWithoutRegistrationsIsLeftToOthers() throws Exception {
        try (TestServer server = server("{minIntervalSeconds: 0}")) {
            List<String> after = new ArrayList<>();
            server.context().events().on(AppAway.class, 100, e -> after.add(e.account().toString()) && false);
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            TestSession phone = available(server, "bob@localhost/phone", 0);
            enable(server, phone, "n", "");
            TestSession desk = available(server, "bob@localhost/desk", 5);
            desk.setAttached(false);
            chat(server, alice, "to the sleeping desk");
            app.assertNothingMore();
            assertThat(after).as("the phone that enabled push is connected").containsExactly("bob@localhost");

            after.clear();
            server.context().accounts().create(Jids.of("carol@localhost").asEntityBareJidIfPossible(), "pw", false);
            server.send(alice, "<message to='carol@localhost' type='chat'><body>hi</body></message>");
            assertThat(after).containsExactly("carol@localhost");
        }
    }

    @Test
    void registrationsOutliveARestartWakeAnOfflineUserAndGoWithTheAccount() throws Exception {
        MemoryStores stores = new MemoryStores();
        var config = ConfigLoader.parse("modules:\n  push: {minIntervalSeconds: 0}\n", "test");
        try (TestServer first = new TestServer(config, stores, new PresenceModule(), new MessageModule(), new PushModule())) {
            enable(first, first.login("bob@localhost/phone"), "n", "");
        }
        try (TestServer server = new TestServer(config, stores, new PresenceModule(), new MessageModule(), new PushModule())) {
            assertThat(server.context().features().account()).contains(PushModule.NS);
            TestSession app = server.login("app@localhost/push");
            TestSession alice = available(server, "alice@localhost/pc", 0);
            chat(server, alice, "are you there?");
            DataForm form = summary(app.next(), "n");
            assertThat(form.value("message-count")).isEqualTo("1");

            server.context().events().publish(new AccountDeleted(BOB));
            assertThat(stored(server)).isZero();
        }
    }

    @Test
    void theAppServerCanRemoveItsNodeAndTheUserStillSeesTheMessage() throws Exception {
        try (TestServer server = server("{}")) {
            TestSession app = server.login("app@localhost/push");
            TestSession phone = available(server, "bob@localhost/phone", 0);
            enable(server, phone, "n", "");
            server.send(app, "<message to='bob@localhost'><pubsub xmlns='http://jabber.org/protocol/pubsub' node='n'>"
                    + "<affiliation jid='bob@localhost' affiliation='none'/></pubsub></message>");
            assertThat(stored(server)).isZero();
            assertThat(phone.next().element().child("pubsub", Notifier.PUBSUB)).isNotNull();
        }
    }

    @Test
    void turnedOffThereIsNoFeatureAndNoHandler() throws Exception {
        try (TestServer server = server("{enabled: false}")) {
            assertThat(server.context().features().account()).doesNotContain(PushModule.NS);
            TestSession phone = server.login("bob@localhost/phone");
            server.send(phone, "<iq type='set' id='en'><enable xmlns='urn:xmpp:push:0' jid='app@localhost/push' node='n'/></iq>");
            assertThat(condition(phone.next())).isEqualTo("service-unavailable");
        }
    }
}
