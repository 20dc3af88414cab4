package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.passerelle.core.stanza.Jids;

/** What the MUC ITs share: room and nickname JIDs, creating and entering rooms with Smack, room messages. */
final class Rooms {
    static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";

    private Rooms() {
    }

    /**
     * Smack 4.4 has no XEP-0421 parser, and its generic one trips an assertion (on in tests) over
     * the xmlns declaration of an unknown element: read {@code <occupant-id/>} ourselves.
     */
    static void parseOccupantIds() {
        ProviderManager.addExtensionProvider("occupant-id", OCCUPANT_ID, new ExtensionElementProvider<StandardExtensionElement>() {
            @Override
            public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment env) {
                return StandardExtensionElement.builder("occupant-id", OCCUPANT_ID)
                        .addAttribute("id", parser.getAttributeValue("", "id")).build();
            }
        });
    }

    /** The XEP-0421 occupant id the room put on a stanza, or null. */
    static String occupantId(Stanza s) {
        StandardExtensionElement e = (StandardExtensionElement) s.getExtension(new javax.xml.namespace.QName(OCCUPANT_ID, "occupant-id"));
        return e == null ? null : e.getAttributeValue("id");
    }

    /**
     * The next presence that matches, passing over others: Smack may send the room presence
     * updates of its own (entity capabilities), which the room echoes.
     */
    static Presence nextWhere(Inbox<Presence> in, Predicate<Presence> wanted) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            Presence p = in.next();
            if (wanted.test(p)) return p;
        }
        throw new AssertionError("ten presences and not the one expected");
    }

    /**
     * Leaves with an unavailable presence of our own and waits until Smack has seen the room's
     * answer. Smack 4.4's leave() and its presence listener both lock the MultiUserChat, and a
     * join right after leave() sometimes timed out here although the server had answered.
     */
    static void leaveByHand(MultiUserChat muc) throws Exception {
        XMPPConnection c = muc.getXmppConnection();
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().to(occupant(muc.getRoom(), muc.getNickname().toString()))
                .ofType(Presence.Type.unavailable).build());
        Await.until("Smack saw " + muc.getNickname() + " leave", () -> !muc.isJoined());
    }

    static EntityBareJid room(String name) {
        return Jids.of(name + "@conference.localhost").asEntityBareJidOrThrow();
    }

    static EntityFullJid occupant(EntityBareJid room, String nick) {
        return Jids.of(room + "/" + nick).asEntityFullJidIfPossible();
    }

    static MultiUserChat muc(XMPPTCPConnection c, EntityBareJid room) {
        return MultiUserChatManager.getInstanceFor(c).getMultiUserChat(room);
    }

    static Resourcepart nick(String s) {
        return Resourcepart.fromOrThrowUnchecked(s);
    }

    /** Joins a room that exists under the nickname and returns it. */
    static MultiUserChat enter(XMPPTCPConnection c, EntityBareJid room, String nick) throws Exception {
        MultiUserChat chat = muc(c, room);
        chat.join(nick(nick));
        return chat;
    }

    /** Creates the room and submits the given boolean options, or makes it instant when there are none. */
    static MultiUserChat create(XMPPTCPConnection owner, EntityBareJid room, String nick, String... trueOptions) throws Exception {
        MultiUserChat muc = muc(owner, room);
        MultiUserChat.MucCreateConfigFormHandle handle = muc.createOrJoin(nick(nick));
        assertThat(handle).as("the room was created").isNotNull();
        if (trueOptions.length == 0) {
            handle.makeInstant();
        } else {
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            for (String o : trueOptions) form.setAnswer("muc#roomconfig_" + o, true);
            muc.sendConfigurationForm(form);
        }
        return muc;
    }

    static StanzaError.Condition joinError(MultiUserChat muc, String nick, String password) {
        try {
            if (password == null) muc.join(nick(nick));
            else muc.join(nick(nick), password);
        } catch (XMPPErrorException e) {
            return e.getStanzaError().getCondition();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("joined " + muc.getRoom() + " as " + nick);
    }

    /** The error condition of a request that must fail. */
    static StanzaError.Condition errorOf(Request request) {
        try {
            request.run();
        } catch (XMPPErrorException e) {
            return e.getStanzaError().getCondition();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the request succeeded");
    }

    interface Request {
        void run() throws Exception;
    }

    /** Bodies of groupchat messages the room sends to this client. */
    static LinkedBlockingQueue<Message> bodies(MultiUserChat muc) {
        LinkedBlockingQueue<Message> q = new LinkedBlockingQueue<>();
        muc.addMessageListener(m -> {
            if (m.getBody() != null) q.add(m);
        });
        return q;
    }

    static Message next(LinkedBlockingQueue<Message> q) throws InterruptedException {
        Message m = q.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a room message within 5 s").isNotNull();
        return m;
    }
}
