package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.push_notifications.PushNotificationsManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.session.Session;

/**
 * XEP-0357 end to end: a Smack client with stream management enables push with a Smack client
 * playing the app server; while its stream is detached, and later while it is fully offline,
 * messages from a contact reach the app server as summaries (count and sender, no text), and the
 * resumed stream still gets every message; an app server that answers with an error loses its
 * registration.
 */
class PushIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("modules:\n  push: {minIntervalSeconds: 1}\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aDetachedAndThenAnOfflineMobileIsWokenByItsAppServer() throws Exception {
        EntityBareJid alice = server.user("alice", "a-pw");
        server.user("bob", "b-pw");
        server.user("appserver", "s-pw");
        XMPPTCPConnection appConnection = server.connect("appserver", "s-pw", "push");
        AppServer app = new AppServer(appConnection);
        XMPPTCPConnection bob = Acks.loginWithStreamManagement(server.connection("bob", "b-pw", "desk"), false);
        XMPPTCPConnection mobile = server.connection("alice", "a-pw", "mobile");
        Inbox<Message> inbox = Inbox.messages(mobile);
        Acks.loginWithStreamManagement(mobile, true);

        PushNotificationsManager push = PushNotificationsManager.getInstanceFor(mobile);
        assertThat(push.isSupported()).as("urn:xmpp:push:0 on the account").isTrue();
        assertThat(push.enable(JidCreate.from("appserver@localhost/push"), "node-1", Map.of("secret", "s3cr3t"))).isTrue();

        mobile.instantShutdown();
        Await.until("the server saw the connection drop", () -> server.server().context().sessions().sessions(alice).stream()
                .noneMatch(Session::attached));
        List<String> sent = List.of("one", "two", "three");
        Acks.sendChats(bob, alice, sent.toArray(String[]::new));

        AppServer.Notification first = app.next(5000);
        assertThat(first.from().toString()).isEqualTo("alice@localhost");
        assertThat(first.node()).isEqualTo("node-1");
        assertThat(first.summary().getFormType()).isEqualTo("urn:xmpp:push:summary");
        assertThat(first.value("message-count")).isEqualTo("1");
        assertThat(first.value("last-message-sender")).isEqualTo("bob@localhost/desk");
        assertThat(first.value("last-message-body")).as("no text unless the client asks").isNull();
        assertThat(first.publishOptions().getField("secret").getFirstValue()).isEqualTo("s3cr3t");
        AppServer.Notification coalesced = app.next(3000);
        assertThat(coalesced.value("message-count")).as("the rest of the burst, after the interval").isEqualTo("3");
        assertThat(coalesced.value("last-message-body")).isNull();
        app.assertNothingMore(300);

        mobile.connect().login();
        assertThat(mobile.streamWasResumed()).isTrue();
        for (String body : sent) assertThat(inbox.next().getBody()).isEqualTo(body);
        inbox.assertNothingMore(300);
        Acks.sendChats(bob, alice, "while connected");
        assertThat(inbox.next().getBody()).isEqualTo("while connected");
        app.assertNothingMore(300);

        Acks.acknowledgeAll(mobile);
        mobile.disconnect();
        Await.until("alice is offline", () -> server.server().context().sessions().sessions(alice).isEmpty());
        Acks.sendChats(bob, alice, "are you there?");
        AppServer.Notification offline = app.next(3000);
        assertThat(offline.value("message-count")).as("counted since the resumption").isEqualTo("1");
        assertThat(offline.value("last-message-sender")).isEqualTo("bob@localhost/desk");
        assertThat(offline.value("last-message-body")).isNull();

        appConnection.disconnect();
        bob.disconnect();
    }

    @Test
    void anAppServerThatNoLongerKnowsTheNodeEndsTheRegistration() throws Exception {
        EntityBareJid carol = server.user("carol", "c-pw");
        server.user("dave", "d-pw");
        server.user("appserver2", "s-pw");
        XMPPTCPConnection appConnection = server.connect("appserver2", "s-pw", "push");
        AppServer app = new AppServer(appConnection);
        app.refuseWith(StanzaError.Condition.item_not_found);
        XMPPTCPConnection dave = Acks.loginWithStreamManagement(server.connection("dave", "d-pw", "desk"), false);
        XMPPTCPConnection phone = server.connect("carol", "c-pw", "phone");
        assertThat(PushNotificationsManager.getInstanceFor(phone).enable(JidCreate.from("appserver2@localhost/push"), "gone")).isTrue();
        assertThat(server.server().context().stores().keyValue().all(carol, "urn:xmpp:push:0")).hasSize(1);
        phone.disconnect();
        Await.until("carol is offline", () -> server.server().context().sessions().sessions(carol).isEmpty());

        Acks.sendChats(dave, carol, "first");
        assertThat(app.next(3000).node()).isEqualTo("gone");
        Await.until("the registration is removed", () -> server.server().context().stores().keyValue().all(carol, "urn:xmpp:push:0").isEmpty());
        Acks.sendChats(dave, carol, "second");
        app.assertNothingMore(1500);

        appConnection.disconnect();
        dave.disconnect();
    }
}
