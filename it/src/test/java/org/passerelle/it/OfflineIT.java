package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline messages (XEP-0160) outlive the server: a clean restart, and {@code kill -9} of a
 * server process right after it acknowledged the messages (XEP-0198: an ack means stored).
 */
class OfflineIT {

    /** The delivered messages, in order, each with the offline-storage delay of the recipient's server. */
    private static void assertDelivered(Inbox<Message> inbox, Instant sentAfter, List<String> ids, String... bodies) throws Exception {
        for (int i = 0; i < bodies.length; i++) {
            Message m = inbox.next();
            assertThat(m.getBody()).isEqualTo(bodies[i]);
            assertThat(m.getStanzaId()).isEqualTo(ids.get(i));
            assertThat(m.getFrom().toString()).isEqualTo("alice@localhost/sender");
            DelayInformation delay = DelayInformation.from(m);
            assertThat(delay).as("XEP-0203 delay on an offline message").isNotNull();
            assertThat(delay.getFrom()).isEqualTo("localhost");
            assertThat(delay.getStamp().toInstant()).isBetween(sentAfter.minusSeconds(1), Instant.now());
        }
        inbox.assertNothingMore(300);
    }

    @Test
    void offlineMessagesSurviveARestart() throws Exception {
        try (ItServer server = ItServer.start()) {
            server.user("alice", "a-pw");
            EntityBareJid bob = server.user("bob", "b-pw");
            Instant before = Instant.now();
            XMPPTCPConnection alice = Acks.loginWithStreamManagement(server.connection("alice", "a-pw", "sender"), false);
            List<String> ids = Acks.sendChats(alice, bob, "first", "second");
            alice.disconnect();

            server.restart();

            XMPPTCPConnection bobClient = server.connection("bob", "b-pw", "home");
            Inbox<Message> inbox = Inbox.messages(bobClient);
            bobClient.connect().login();
            assertDelivered(inbox, before, ids, "first", "second");
            bobClient.disconnect();

            XMPPTCPConnection again = server.connection("bob", "b-pw", "again");
            Inbox<Message> none = Inbox.messages(again);
            again.connect().login();
            none.assertNothingMore(500);
            again.disconnect();
        }
    }

    @Test
    void acknowledgedMessagesSurviveKillNine(@TempDir Path data) throws Exception {
        EntityBareJid bob;
        try (ItServer prepare = ItServer.start(data, "")) {
            prepare.user("alice", "a-pw");
            bob = prepare.user("bob", "b-pw");
        }
        Instant before = Instant.now();
        List<String> ids;
        try (ServerProcess first = ServerProcess.start(data, "")) {
            XMPPTCPConnection alice = Acks.loginWithStreamManagement(first.connection("alice", "a-pw", "sender"), false);
            ids = Acks.sendChats(alice, bob, "one", "two", "three");
            first.kill();
            alice.instantShutdown();
        }
        try (ServerProcess second = ServerProcess.start(data, "")) {
            XMPPTCPConnection bobClient = second.connection("bob", "b-pw", "home");
            Inbox<Message> inbox = Inbox.messages(bobClient);
            bobClient.connect().login();
            assertDelivered(inbox, before, ids, "one", "two", "three");
            bobClient.disconnect();
        }
    }
}
