package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;

/**
 * Builds the presences a room sends about its occupants (XEP-0045 §7.2.3): the occupant's own
 * presence payload plus {@code <x xmlns='muc#user'>} with its item (affiliation, role, and the
 * real JID when the recipient may see it), status codes and XEP-0421 occupant id.
 */
final class Presences {
    /** What an event adds to the item: a new nickname (303), the actor and reason (kick, ban), a destruction. */
    record Change(String newNick, String actorNick, String reason, Element destroy) {
        static final Change NONE = new Change(null, null, null, null);
    }

    private Presences() {
    }

    /** The presence payload a client sent, without the MUC elements the room writes itself. */
    static Element payload(Element presence) {
        List<Node> kept = new ArrayList<>();
        for (Node n : presence.children()) {
            if (n instanceof Element e && (e.namespace().startsWith(Muc.NS) || e.namespace().equals(Muc.OCCUPANT_ID))) continue;
            kept.add(n);
        }
        return Element.builder("presence", Namespaces.CLIENT).children(kept).build();
    }

    /** Two sessions under one nickname (the same user's clients): each is "self" (110) to the other. */
    static boolean sameNick(Occupant a, Occupant b) {
        return Nicknames.key(a.nick()).equals(Nicknames.key(b.nick()));
    }

    /** Sends {@code about}'s presence to each recipient; the occupant's own copy carries 110 and {@code selfCodes}. */
    static void broadcast(Room room, Occupant about, String type, Change change, Collection<Occupant> recipients,
                          Set<Integer> codes, Set<Integer> selfCodes) {
        for (Occupant r : recipients) {
            boolean self = sameNick(r, about);
            Set<Integer> all = new TreeSet<>(codes);
            if (self) {
                all.add(110);
                all.addAll(selfCodes);
            }
            send(room, about, r, type, change, all);
        }
    }

    static void send(Room room, Occupant about, Occupant to, String type, Change change, Set<Integer> codes) {
        boolean withJid = room.showsJidsTo(to) || sameNick(to, about);
        Affiliation affiliation = room.affiliation(about.real().asBareJid());
        Role role = "unavailable".equals(type) ? Role.NONE : about.role();
        Element.Builder item = Element.builder("item", Muc.USER).attr("affiliation", affiliation.xml()).attr("role", role.xml())
                .attr("jid", withJid ? about.real().toString() : null).attr("nick", change.newNick());
        if (change.actorNick() != null) item.child(Element.builder("actor", Muc.USER).attr("nick", change.actorNick()).build());
        item.textChild("reason", Muc.USER, change.reason());
        Element.Builder x = Element.builder("x", Muc.USER).child(item.build());
        x.child(change.destroy());
        for (int code : codes) x.child(Element.builder("status", Muc.USER).attr("code", Integer.toString(code)).build());
        Element.Builder p = Element.builder("presence", Namespaces.CLIENT).attr("type", type);
        if ("unavailable".equals(type)) {
            for (Element e : about.presence().children("status", Namespaces.CLIENT)) p.child(e);
        } else {
            p.children(about.presence().children());
        }
        p.child(x.build()).child(Element.builder("occupant-id", Muc.OCCUPANT_ID).attr("id", about.occupantId()).build());
        room.send(p.build(), room.occupantJid(about.nick()), to.real());
    }
}
