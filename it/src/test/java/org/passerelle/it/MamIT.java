package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamElements.MamResultExtension;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ.DefaultBehavior;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;

/**
 * XEP-0313 with Smack's MamManager: two people chat, each pages through their own archive and
 * filters it by contact, the recipient's copies carry the archive's stanza-id, preferences stop
 * archiving, and the archive and preferences are still there after a restart.
 */
class MamIT {
    /** Logged in with a patient reply timeout: the machine may be busy with benchmarks. */
    private static XMPPTCPConnection connect(ItServer server, String user, String password, String resource) throws Exception {
        XMPPTCPConnection c = server.connection(user, password, resource);
        c.setReplyTimeout(30_000);
        c.connect().login();
        return c;
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    private static List<String> ids(MamQuery q) {
        return q.getMamResultExtensions().stream().map(MamResultExtension::getId).toList();
    }

    @Test
    void chatIsArchivedPagedFilteredAndKeptAcrossARestart() throws Exception {
        try (ItServer server = ItServer.start()) {
            server.user("alice", "a-pw");
            EntityBareJid bob = server.user("bob", "b-pw");
            EntityBareJid carol = server.user("carol", "c-pw");
            XMPPTCPConnection alice = connect(server, "alice", "a-pw", "phone");
            XMPPTCPConnection bobClient = connect(server, "bob", "b-pw", "laptop");
            Inbox<Message> bobInbox = Inbox.messages(bobClient);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ChatManager.getInstanceFor(alice).chatWith(bob).send("to bob " + i);
                Message m = bobInbox.next();
                StanzaIdElement sid = StanzaIdElement.getStanzaId(m);
                assertThat(sid).as("the recipient's archive id").isNotNull();
                assertThat(sid.getBy()).isEqualTo("bob@localhost");
                received.add(sid.getId());
            }
            ChatManager.getInstanceFor(alice).chatWith(carol).send("to carol, offline");

            MamManager mam = Mam.of(alice);
            assertThat(mam.isSupported()).isTrue();
            MamQuery last = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(3).queryLastPage().build());
            assertThat(bodies(last.getMessages())).containsExactly("to bob 4", "to bob 5", "to carol, offline");
            assertThat(last.isComplete()).isFalse();
            assertThat(bodies(last.pagePrevious(3))).containsExactly("to bob 1", "to bob 2", "to bob 3");
            assertThat(bodies(last.pagePrevious(3))).containsExactly("to bob 0");

            MamQuery first = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(4).build());
            assertThat(bodies(first.getMessages())).containsExactly("to bob 0", "to bob 1", "to bob 2", "to bob 3");
            assertThat(bodies(first.pageNext(4))).containsExactly("to bob 4", "to bob 5", "to carol, offline");

            MamQuery withCarol = mam.queryArchive(MamQueryArgs.builder().limitResultsToJid(carol).build());
            assertThat(bodies(withCarol.getMessages())).containsExactly("to carol, offline");
            assertThat(withCarol.isComplete()).isTrue();

            MamQuery bobs = Mam.of(bobClient).queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build());
            assertThat(ids(bobs)).as("bob's archive ids are the stanza-ids he was given").isEqualTo(received);
            List<String> aliceIds = ids(mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build()));

            assertThat(Mam.prefs(alice).getDefault()).isEqualTo(DefaultBehavior.always);
            assertThat(Mam.setDefault(alice, DefaultBehavior.never).getDefault()).isEqualTo(DefaultBehavior.never);
            ChatManager.getInstanceFor(alice).chatWith(bob).send("not for alice's archive");
            assertThat(bobInbox.next().getBody()).isEqualTo("not for alice's archive");
            alice.disconnect();
            bobClient.disconnect();

            server.restart();

            XMPPTCPConnection again = connect(server, "alice", "a-pw", "tablet");
            MamManager after = Mam.of(again);
            MamQuery all = after.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build());
            assertThat(ids(all)).isEqualTo(aliceIds);
            assertThat(all.getMessages()).hasSize(7);
            assertThat(after.getMessageUidOfLatestMessage()).isEqualTo(aliceIds.getLast());
            assertThat(bodies(after.queryMostRecentPage(bob, 2).getMessages())).containsExactly("to bob 4", "to bob 5");
            assertThat(Mam.prefs(again).getDefault()).isEqualTo(DefaultBehavior.never);
            again.disconnect();
        }
    }
}
