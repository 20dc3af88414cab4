package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0198 resumption with Smack: a client whose connection drops without closing the stream
 * resumes and gets what was sent meanwhile, once and in order; a session not resumed in time
 * hands its unacknowledged messages to offline storage.
 */
class StreamResumptionIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void resumedStreamGetsWhatWasSentMeanwhileOnceInOrder() throws Exception {
        EntityBareJid alice = server.user("alice", "a-pw");
        server.user("bob", "b-pw");
        XMPPTCPConnection bob = Acks.loginWithStreamManagement(server.connection("bob", "b-pw", "desk"), false);
        XMPPTCPConnection mobile = server.connection("alice", "a-pw", "mobile");
        Inbox<Message> inbox = Inbox.messages(mobile);
        Acks.loginWithStreamManagement(mobile, true);
        EntityFullJid fullJid = mobile.getUser();
        Contacts.befriend(mobile, bob);
        Inbox<Presence> bobSeesAlice = Inbox.presences(bob, alice);

        Acks.sendChats(bob, alice, "before the drop");
        assertThat(inbox.next().getBody()).isEqualTo("before the drop");

        mobile.instantShutdown();
        assertThat(mobile.isDisconnectedButSmResumptionPossible()).as("Smack kept the resumption state").isTrue();
        List<String> sent = List.of("away 1", "away 2", "away 3", "away 4", "away 5", "away 6", "away 7", "away 8", "away 9", "away 10");
        Acks.sendChats(bob, alice, sent.subList(0, 5).toArray(String[]::new));
        Acks.sendChats(bob, fullJid, sent.subList(5, 10).toArray(String[]::new));

        mobile.connect().login();
        assertThat(mobile.streamWasResumed()).as("the stream was resumed, not a new session bound").isTrue();
        assertThat((Object) mobile.getUser()).isEqualTo(fullJid);
        for (String body : sent) {
            Message m = inbox.next();
            assertThat(m.getBody()).isEqualTo(body);
            assertThat(m.getFrom().toString()).isEqualTo("bob@localhost/desk");
        }
        inbox.assertNothingMore(500);
        bobSeesAlice.assertNothingMore(0);
        assertThat(Roster.getInstanceFor(bob).getPresence(alice).isAvailable()).as("alice never looked offline to bob").isTrue();

        Acks.sendChats(bob, alice, "after the resumption");
        assertThat(inbox.next().getBody()).isEqualTo("after the resumption");
        inbox.assertNothingMore(200);
        mobile.disconnect();
        bob.disconnect();
    }

    @Test
    void aSessionNotResumedInTimeHandsItsMessagesToOfflineStorage() throws Exception {
        try (ItServer quick = ItServer.start("streamManagement: {resumeTimeout: 2}\n")) {
            EntityBareJid carol = quick.user("carol", "c-pw");
            quick.user("dave", "d-pw");
            XMPPTCPConnection dave = Acks.loginWithStreamManagement(quick.connection("dave", "d-pw", "desk"), false);
            XMPPTCPConnection phone = Acks.loginWithStreamManagement(quick.connection("carol", "c-pw", "phone"), true);
            assertThat(phone.getMaxSmResumptionTime()).isEqualTo(2);
            EntityFullJid phoneJid = phone.getUser();
            Contacts.befriend(phone, dave);
            Inbox<Presence> daveSeesCarol = Inbox.presences(dave, carol);

            phone.instantShutdown();
            Acks.sendChats(dave, carol, "to the account");
            Acks.sendChats(dave, phoneJid, "to the phone");
            daveSeesCarol.assertNothingMore(0);
            Presence gone = daveSeesCarol.next();
            assertThat(gone.getType()).as("unavailable once the session expired").isEqualTo(Presence.Type.unavailable);
            assertThat(gone.getFrom().toString()).isEqualTo(phoneJid.toString());
            assertThat(quick.server().context().sessions().sessions(carol)).isEmpty();
            Await.until("both messages in offline storage", () -> quick.server().context().stores().offline().list(carol).size() == 2);

            XMPPTCPConnection laptop = quick.connection("carol", "c-pw", "laptop");
            Inbox<Message> inbox = Inbox.messages(laptop);
            laptop.connect().login();
            for (String body : List.of("to the account", "to the phone")) {
                Message m = inbox.next();
                assertThat(m.getBody()).isEqualTo(body);
                assertThat(DelayInformation.from(m)).as("from offline storage").isNotNull();
            }
            inbox.assertNothingMore(300);
            laptop.disconnect();
            dave.disconnect();
        }
    }
}
