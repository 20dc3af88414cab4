package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamElements.MamResultExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.core.stanza.Jids;

/**
 * XEP-0313 in XEP-0045 rooms with Smack's MultiUserChatManager and MamManager: occupants get the
 * room's stanza-ids, a newcomer pages through the room's archive, and a persistent room's archive
 * is still there after a restart.
 */
class MucArchiveIT {
    @RegisterExtension
    final MucClients clients = new MucClients();

    private XMPPTCPConnection login(ItServer server, String name) throws Exception {
        XMPPTCPConnection c = server.connection(name, "pw-" + name, "muc");
        c.setReplyTimeout(30_000); // the machine may be busy with benchmarks
        c.connect().login();
        return clients.track(c);
    }

    private static MultiUserChat muc(XMPPTCPConnection c, EntityBareJid room) {
        return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(room);
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    private static List<String> ids(MamQuery q) {
        return q.getMamResultExtensions().stream().map(MamResultExtension::getId).toList();
    }

    @Test
    void theRoomArchiveIsPagedAndAPersistentRoomKeepsItAcrossARestart() throws Exception {
        try (ItServer server = ItServer.start()) {
            for (String u : List.of("alice", "bob", "carol")) server.user(u, "pw-" + u);
            EntityBareJid room = Jids.of("club@conference.localhost").asEntityBareJidOrThrow();
            MultiUserChat owner = muc(login(server, "alice"), room);
            owner.createOrJoin(Resourcepart.from("Alice"));
            FillableForm form = owner.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_persistentroom", true);
            owner.sendConfigurationForm(form);
            MultiUserChat member = muc(login(server, "bob"), room);
            LinkedBlockingQueue<Message> bobSees = new LinkedBlockingQueue<>();
            member.addMessageListener(m -> {
                if (m.getBody() != null) bobSees.add(m);
            });
            member.join(Resourcepart.from("Bob"));

            List<String> stamped = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                (i % 2 == 0 ? owner : member).sendMessage("m" + i);
                Message m = bobSees.poll(10, TimeUnit.SECONDS);
                assertThat(m).as("message " + i).isNotNull();
                StanzaIdElement sid = StanzaIdElement.getStanzaId(m);
                assertThat(sid).as("the room's archive id").isNotNull();
                assertThat(sid.getBy()).isEqualTo(room.toString());
                stamped.add(sid.getId());
            }

            MamManager mam = Mam.of(muc(login(server, "carol"), room));
            assertThat(mam.isSupported()).as("the room advertises its archive").isTrue();
            MamQuery first = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(2).build());
            assertThat(bodies(first.getMessages())).containsExactly("m0", "m1");
            assertThat(first.getMessages().getFirst().getFrom().toString()).isEqualTo(room + "/Alice");
            assertThat(first.isComplete()).isFalse();
            assertThat(bodies(first.pageNext(2))).containsExactly("m2", "m3");
            assertThat(bodies(first.pageNext(2))).containsExactly("m4");
            MamQuery newest = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(2).queryLastPage().build());
            assertThat(bodies(newest.getMessages())).containsExactly("m3", "m4");
            assertThat(bodies(newest.pagePrevious(2))).containsExactly("m1", "m2");
            MamQuery all = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build());
            assertThat(ids(all)).as("archive ids are the stanza-ids occupants got").isEqualTo(stamped);
            clients.disconnect();

            server.restart();

            MamManager after = Mam.of(muc(login(server, "carol"), room));
            MamQuery kept = after.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build());
            assertThat(bodies(kept.getMessages())).containsExactly("m0", "m1", "m2", "m3", "m4");
            assertThat(ids(kept)).isEqualTo(stamped);
            assertThat(after.getMessageUidOfLatestMessage()).isEqualTo(stamped.getLast());
            clients.disconnect();
        }
    }
}
