package org.passerelle.it;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;

/** Setting up contacts through the protocol, for tests about something else (RosterPresenceChatIT checks the steps). */
final class Contacts {
    private Contacts() {
    }

    /**
     * Creates the accounts (password "pw-" + name), logs {@code user} in on resource "phone" and each
     * contact on "pc", and befriends the user with each contact. Returns the connections in that order.
     */
    static List<XMPPTCPConnection> friendsOf(ItServer server, String user, String... contacts) throws Exception {
        List<XMPPTCPConnection> out = new ArrayList<>();
        server.user(user, "pw-" + user);
        for (String c : contacts) server.user(c, "pw-" + c);
        out.add(server.connect(user, "pw-" + user, "phone"));
        for (String c : contacts) out.add(server.connect(c, "pw-" + c, "pc"));
        for (XMPPTCPConnection c : out.subList(1, out.size())) befriend(out.getFirst(), c);
        return out;
    }

    /** Mutual subscription between two logged-in users; returns once each sees the other available. */
    static void befriend(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        EntityBareJid aJid = a.getUser().asEntityBareJid();
        EntityBareJid bJid = b.getUser().asEntityBareJid();
        Roster.getInstanceFor(a).setSubscriptionMode(Roster.SubscriptionMode.manual);
        Roster.getInstanceFor(b).setSubscriptionMode(Roster.SubscriptionMode.manual);
        try (Inbox<Presence> toA = Inbox.of(a, Presence.class, p -> p.getType() == Presence.Type.subscribe, "subscribe");
             Inbox<Presence> toB = Inbox.of(b, Presence.class, p -> p.getType() == Presence.Type.subscribe, "subscribe")) {
            Roster.getInstanceFor(a).createItemAndRequestSubscription(bJid, null, null);
            toB.next();
            send(b, Presence.Type.subscribed, aJid);
            Roster.getInstanceFor(b).createItemAndRequestSubscription(aJid, null, null);
            toA.next();
            send(a, Presence.Type.subscribed, bJid);
        }
        Await.until("mutual subscription", () -> both(a, bJid) && both(b, aJid));
        // The presence each side sends after approving is the last stanza of the handshake.
        Await.until("presence both ways", () -> Roster.getInstanceFor(a).getPresence(bJid).isAvailable()
                && Roster.getInstanceFor(b).getPresence(aJid).isAvailable());
    }

    private static boolean both(XMPPTCPConnection c, EntityBareJid contact) {
        RosterEntry e = Roster.getInstanceFor(c).getEntry(contact);
        return e != null && e.getType() == ItemType.both;
    }

    static void send(XMPPTCPConnection c, Presence.Type type, EntityBareJid to) throws Exception {
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(type).to(to).build());
    }
}
