package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ.DefaultBehavior;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0441 preferences end to end: under {@code roster} a stranger's message is delivered without
 * a stanza-id and not archived while a contact's is; the {@code never} list beats the default and
 * the {@code always} list lets a stranger in.
 */
class MamPrefsIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Sends one chat message and returns it as delivered. */
    private static Message deliver(XMPPTCPConnection from, XMPPTCPConnection to, String body) throws Exception {
        try (Inbox<Message> inbox = Inbox.messages(to)) {
            ChatManager.getInstanceFor(from).chatWith(to.getUser().asEntityBareJid()).send(body);
            return inbox.next();
        }
    }

    private static List<String> archived(XMPPTCPConnection owner) throws Exception {
        return Mam.of(owner).queryArchive(MamQueryArgs.builder().setResultPageSizeTo(50).build())
                .getMessages().stream().map(Message::getBody).toList();
    }

    @Test
    void rosterArchivesContactsOnlyAndTheListsOverrideTheDefault() throws Exception {
        EntityBareJid monaJid = server.user("mona", "m-pw");
        EntityBareJid nedJid = server.user("ned", "n-pw");
        EntityBareJid olgaJid = server.user("olga", "o-pw");
        XMPPTCPConnection mona = server.connect("mona", "m-pw", "phone");
        XMPPTCPConnection ned = server.connect("ned", "n-pw", "pc");
        XMPPTCPConnection olga = server.connect("olga", "o-pw", "pc");
        Contacts.befriend(mona, ned);
        MamManager mam = Mam.of(mona);
        assertThat(Mam.setDefault(mona, DefaultBehavior.roster).getDefault()).isEqualTo(DefaultBehavior.roster);

        Message fromContact = deliver(ned, mona, "from a contact");
        Message fromStranger = deliver(olga, mona, "from a stranger");
        assertThat(StanzaIdElement.getStanzaId(fromContact)).isNotNull();
        assertThat(StanzaIdElement.getStanzaId(fromContact).getBy()).isEqualTo(monaJid.toString());
        assertThat(StanzaIdElement.getStanzaId(fromStranger)).as("not archived, so no archive id").isNull();
        assertThat(archived(mona)).containsExactly("from a contact");
        assertThat(archived(olga)).as("the stranger's own archive is hers to decide").containsExactly("from a stranger");

        MamPrefsIQ saved = Mam.setPrefs(mona, Mam.prefs(mona).getDefault(), List.of(olgaJid), List.of(nedJid));
        assertThat(saved.getAlwaysJids()).containsExactly(olgaJid);
        assertThat(saved.getNeverJids()).containsExactly(nedJid);
        assertThat(StanzaIdElement.getStanzaId(deliver(ned, mona, "contact, never"))).isNull();
        assertThat(StanzaIdElement.getStanzaId(deliver(olga, mona, "stranger, always"))).isNotNull();
        deliver(mona, ned, "to a never contact");
        assertThat(archived(mona)).containsExactly("from a contact", "stranger, always");

        assertThat(Mam.setDefault(mona, DefaultBehavior.never).getNeverJids()).containsExactly(nedJid);
        assertThat(StanzaIdElement.getStanzaId(deliver(olga, mona, "still always"))).isNotNull();
        assertThat(archived(mona)).containsExactly("from a contact", "stranger, always", "still always");
        mona.disconnect();
        ned.disconnect();
        olga.disconnect();
    }
}
