package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.push_notifications.PushNotificationsManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.passerelle.core.session.Session;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/**
 * Push or SMS, never both (issue 6, acceptance 3): a user with a push registration AND a phone
 * linked with forwarding "away" gets exactly one SMS per message while the app's stream is
 * detached (XEP-0198) or gone, and the app server hears nothing; once the phone says STOP, the
 * same registration is woken by push. A user with push and no phone gets notifications, no SMS.
 */
class WakeUpIT {
    private static final long WAIT = 5000;
    private static SmscSimulator smsc;
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        smsc = SmscSetup.simulator();
        server = ItServer.start("modules:\n  push: {minIntervalSeconds: 1}\n" + SmscSetup.sms(smsc));
        smsc.awaitBound(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smsc.close();
    }

    /** A mobile app's connection and what it receives. */
    private record Mobile(XMPPTCPConnection connection, Inbox<Message> inbox) {
    }

    /** A mobile client with stream management, push enabled at the app server, then its connection dropped. */
    private static Mobile detachedMobile(EntityBareJid user, String password, String appServer, String node) throws Exception {
        XMPPTCPConnection mobile = server.connection(user.getLocalpart().toString(), password, "mobile");
        Inbox<Message> inbox = Inbox.messages(mobile);
        Acks.loginWithStreamManagement(mobile, true);
        assertThat(PushNotificationsManager.getInstanceFor(mobile).enable(JidCreate.from(appServer), node)).isTrue();
        mobile.instantShutdown();
        Await.until(user + "'s stream is detached", () -> {
            List<Session> sessions = server.server().context().sessions().sessions(user);
            return !sessions.isEmpty() && sessions.stream().noneMatch(Session::attached);
        });
        return new Mobile(mobile, inbox);
    }

    @Test
    void aUserWhoChoseSmsGetsOneSmsPerMessageAndNoPushAnotherGetsPushAndNoSms() throws Exception {
        EntityBareJid alice = server.user("alice", "a-pw");
        EntityBareJid carol = server.user("carol", "c-pw");
        server.user("bob", "b-pw");
        server.user("appserver", "s-pw");
        XMPPTCPConnection appConnection = server.connect("appserver", "s-pw", "push");
        AppServer app = new AppServer(appConnection);
        XMPPTCPConnection bob = Acks.loginWithStreamManagement(server.connection("bob", "b-pw", "desk"), false);

        XMPPTCPConnection setup = server.connect("alice", "a-pw", "setup");
        PhoneLink.link(setup, smsc, "+33611110000", "away");
        setup.disconnect();
        Await.until("alice's setup client is gone", () -> server.server().context().sessions().sessions(alice).isEmpty());

        Mobile aliceMobile = detachedMobile(alice, "a-pw", "appserver@localhost/push", "alice-node");
        List<String> bodies = List.of("one", "two", "three", "four");
        Acks.sendChats(bob, alice, bodies.toArray(String[]::new));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Submitted sms = smsc.next(WAIT);
            assertThat(sms).as("SMS %d of %d", i + 1, bodies.size()).isNotNull();
            assertThat(sms.destination()).isEqualTo("33611110000");
            texts.add(sms.text());
        }
        assertThat(texts).containsExactly("[1] bob@localhost: one", "[1] bob@localhost: two", "[1] bob@localhost: three",
                "[1] bob@localhost: four");
        smsc.assertNothing(500);
        app.assertNothingMore(1500); // longer than minIntervalSeconds: no notification was merely delayed

        aliceMobile.connection().connect().login();
        assertThat(aliceMobile.connection().streamWasResumed()).isTrue();
        for (String body : bodies) assertThat(aliceMobile.inbox().next().getBody()).as("SMS or not, the app gets it").isEqualTo(body);
        Acks.acknowledgeAll(aliceMobile.connection());
        aliceMobile.connection().disconnect();
        Await.until("alice is offline", () -> server.server().context().sessions().sessions(alice).isEmpty());
        Acks.sendChats(bob, alice, "while offline");
        assertThat(smsc.next(WAIT).text()).isEqualTo("[1] bob@localhost: while offline");
        smsc.assertNothing(300);
        app.assertNothingMore(1500);

        // The registration was live all along: once the phone ends forwarding, the app server is woken instead.
        smsc.deliver("33611110000", "12345", "STOP", null);
        assertThat(smsc.next(WAIT).text()).startsWith("No more messages by SMS");
        Acks.sendChats(bob, alice, "now by push");
        AppServer.Notification toAlice = app.next(3000);
        assertThat(toAlice.from().toString()).isEqualTo("alice@localhost");
        assertThat(toAlice.node()).isEqualTo("alice-node");
        assertThat(toAlice.value("last-message-sender")).isEqualTo("bob@localhost/desk");
        smsc.assertNothing(500);

        Mobile carolMobile = detachedMobile(carol, "c-pw", "appserver@localhost/push", "carol-node");
        Acks.sendChats(bob, carol, "hi carol", "still there?");
        AppServer.Notification first = app.next(3000);
        assertThat(first.node()).isEqualTo("carol-node");
        assertThat(first.value("message-count")).isEqualTo("1");
        AppServer.Notification rest = app.next(3000);
        assertThat(rest.node()).isEqualTo("carol-node");
        assertThat(rest.value("message-count")).as("the second message, after the interval").isEqualTo("2");
        app.assertNothingMore(1500);
        smsc.assertNothing(300);
        carolMobile.connection().connect().login();
        assertThat(carolMobile.connection().streamWasResumed()).isTrue();
        assertThat(carolMobile.inbox().next().getBody()).isEqualTo("hi carol");
        assertThat(carolMobile.inbox().next().getBody()).isEqualTo("still there?");

        carolMobile.connection().disconnect();
        appConnection.disconnect();
        bob.disconnect();
    }
}
