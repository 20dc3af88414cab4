package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ.DefaultBehavior;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An archive's life with the account: removing the account (XEP-0077 cancel) removes its archive
 * and preferences, so an account created again under the same name starts empty; and the
 * {@code maxMessages} trim keeps the newest messages of each archive.
 */
class MamAccountIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("modules: {mam: {maxMessages: 3, cleanupMinutes: 1}}\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void chat(XMPPTCPConnection from, XMPPTCPConnection to, String prefix, int count) throws Exception {
        try (Inbox<Message> inbox = Inbox.messages(to)) {
            for (int i = 0; i < count; i++) {
                ChatManager.getInstanceFor(from).chatWith(to.getUser().asEntityBareJid()).send(prefix + i);
                inbox.next();
            }
        }
    }

    private static List<String> archived(XMPPTCPConnection owner) throws Exception {
        return Mam.of(owner).queryArchive(MamQueryArgs.builder().build())
                .getMessages().stream().map(Message::getBody).toList();
    }

    @Test
    void aRemovedAccountTakesItsArchiveAlong() throws Exception {
        EntityBareJid paulJid = server.user("paul", "p-pw");
        server.user("quinn", "q-pw");
        XMPPTCPConnection paul = server.connect("paul", "p-pw", "phone");
        XMPPTCPConnection quinn = server.connect("quinn", "q-pw", "pc");
        chat(paul, quinn, "before ", 2);
        Mam.setDefault(paul, DefaultBehavior.never);
        assertThat(archived(paul)).containsExactly("before 0", "before 1");

        // Not AccountManager.deleteAccount(): Smack 4.4's collector drops a result read just before
        // the stream error that follows it (XEP-0077 §3.2), so the answer is polled after the close.
        StanzaCollector answer = paul.createStanzaCollectorAndSend(RawIq.of(IQ.Type.set, null, "query", "jabber:iq:register", "<remove/>"));
        Await.until("paul's stream closed", () -> !paul.isConnected());
        IQ removed = answer.pollResult();
        assertThat(removed).as("the result comes before the stream ends").isNotNull();
        assertThat(removed.getType()).isEqualTo(IQ.Type.result);
        assertThat(server.server().context().accounts().exists(paulJid)).isFalse();
        server.user("paul", "new-pw");
        XMPPTCPConnection again = server.connect("paul", "new-pw", "phone");
        MamManager mam = Mam.of(again);
        MamQuery empty = mam.queryArchive(MamQueryArgs.builder().build());
        assertThat(empty.getMessages()).isEmpty();
        assertThat(empty.isComplete()).isTrue();
        assertThat(Mam.prefs(again).getDefault())
                .as("preferences went with the account").isEqualTo(DefaultBehavior.always);
        assertThat(archived(quinn)).as("the peer keeps its own copies").containsExactly("before 0", "before 1");
        again.disconnect();
        quinn.disconnect();
    }

    /**
     * The scheduled clean-up first runs a minute after start (cleanupMinutes is at least 1), too
     * long for this suite: the test runs the same store trim on the running server's SQL store.
     */
    @Test
    void maxMessagesKeepsTheNewestOfEachArchive() throws Exception {
        server.user("rita", "r-pw");
        server.user("sam", "s-pw");
        XMPPTCPConnection rita = server.connect("rita", "r-pw", "phone");
        XMPPTCPConnection sam = server.connect("sam", "s-pw", "pc");
        chat(rita, sam, "r", 5);
        assertThat(archived(rita)).hasSize(5);
        assertThat(server.server().context().stores().archive().trim(3)).isGreaterThanOrEqualTo(4);
        assertThat(archived(rita)).containsExactly("r2", "r3", "r4");
        assertThat(archived(sam)).containsExactly("r2", "r3", "r4");
        chat(sam, rita, "back ", 1);
        assertThat(archived(rita)).containsExactly("r2", "r3", "r4", "back 0");
        rita.disconnect();
        sam.disconnect();
    }
}
