package org.passerelle.modules.muc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.muc.Presences.Change;
import org.passerelle.xml.Element;

/**
 * Presence to {@code room/nick} (XEP-0045 §7.2 to §7.6, §7.14): entering with its checks,
 * the welcome (occupants, self-presence, history, subject), presence updates, nickname changes
 * and leaving. Called with the room's lock held.
 */
final class Joining {
    private Joining() {
    }

    static void presence(Room room, Stanza p, boolean created) throws StanzaException {
        EntityFullJid from = (EntityFullJid) p.from();
        String nick = p.to().getResourceOrThrow().toString();
        if (Nicknames.key(nick).isEmpty()) throw new StanzaException("jid-malformed", "the nickname is blank");
        Occupant me = room.occupants.byReal(from);
        String type = p.type();
        if ("unavailable".equals(type) || "error".equals(type)) {
            if (me != null) leave(room, me.withPresence(Presences.payload(p.element())), Change.NONE, Set.of());
            return;
        }
        if (type != null) return; // subscriptions and probes mean nothing to a room
        if (me == null) {
            join(room, p, from, nick, created);
        } else if (me.nick().equals(nick)) {
            Occupant updated = me.withPresence(Presences.payload(p.element()));
            room.occupants.put(updated);
            Presences.broadcast(room, updated, null, Change.NONE, room.occupants.all(), Set.of(), Set.of());
        } else {
            changeNick(room, me, nick, p.element());
        }
    }

    private static void join(Room room, Stanza p, EntityFullJid from, String nick, boolean created) throws StanzaException {
        BareJid user = from.asBareJid();
        Affiliation affiliation = room.affiliation(user);
        Element x = p.element().child("x", Muc.NS);
        if (room.locked && affiliation != Affiliation.OWNER) {
            throw new StanzaException("item-not-found", "the room is not configured yet");
        }
        if (affiliation == Affiliation.OUTCAST) throw new StanzaException("forbidden", "you are banned from this room");
        if (room.config.membersOnly() && affiliation == Affiliation.NONE) {
            throw new StanzaException("registration-required", "the room is for members only");
        }
        Occupant holder = room.occupants.byNick(nick);
        boolean sibling = holder != null && holder.real().asBareJid().equals(user); // another client of the same user
        if (holder != null && !sibling) throw new StanzaException("conflict", "that nickname is taken");
        checkRegistered(room, user, nick);
        if (room.config.needsPassword() && affiliation != Affiliation.OWNER
                && (x == null || !room.config.password().equals(x.childText("password", Muc.NS)))) {
            throw new StanzaException("not-authorized", "the room needs a password");
        }
        if (!sibling && room.occupants.size() >= room.maxUsers() && !affiliation.isAdmin()) {
            throw new StanzaException("service-unavailable", "the room is full");
        }
        Occupant me = sibling
                ? new Occupant(from, holder.nick(), holder.role(), Presences.payload(p.element()), holder.occupantId())
                : new Occupant(from, nick, affiliation.defaultRole(room.config.moderated()),
                        Presences.payload(p.element()), room.occupantId(user));
        List<Occupant> others = room.occupants.all();
        for (Occupant o : room.occupants.nicks()) {
            if (!Presences.sameNick(o, me)) Presences.send(room, o, me, null, Change.NONE, Set.of());
        }
        room.occupants.put(me);
        room.service.joined(from, room.jid);
        Presences.broadcast(room, me, null, Change.NONE, others, Set.of(), Set.of());
        Set<Integer> self = new HashSet<>(Set.of(110));
        if (room.config.nonAnonymous()) self.add(100);
        if (created) self.add(201);
        Presences.broadcast(room, me, null, Change.NONE, List.of(me), Set.of(), self);
        sendHistory(room, me, x == null ? null : x.child("history", Muc.NS));
        Element.Builder subject = Element.builder("message", Namespaces.CLIENT).attr("type", "groupchat")
                .child(Element.builder("subject", Namespaces.CLIENT).text(room.subject).build());
        room.send(subject.build(), room.subjectNick.isEmpty() ? room.jid : room.occupantJid(room.subjectNick), from);
    }

    private static void sendHistory(Room room, Occupant me, Element request) {
        Instant now = room.service.clock().instant();
        for (History.Entry e : room.history.select(request, now)) {
            Element delay = Delays.delay(room.jid.toString(), e.at(), null);
            room.send(e.message().withChild(delay), e.from(), me.real());
        }
    }

    /** A nickname registered by someone else is theirs (§7.10). */
    private static void checkRegistered(Room room, BareJid user, String nick) throws StanzaException {
        BareJid owner = room.nickOwner(nick);
        if (owner != null && !owner.equals(user)) {
            throw new StanzaException("conflict", "that nickname is registered by someone else");
        }
    }

    /** Every client under the nickname takes the new one (303). */
    private static void changeNick(Room room, Occupant me, String nick, Element presence) throws StanzaException {
        Occupant holder = room.occupants.byNick(nick);
        if (holder != null && !Presences.sameNick(holder, me)) throw new StanzaException("conflict", "that nickname is taken");
        checkRegistered(room, me.real().asBareJid(), nick);
        List<Occupant> all = room.occupants.all();
        Presences.broadcast(room, me, "unavailable", new Change(nick, null, null, null), all, Set.of(303), Set.of());
        for (Occupant s : room.occupants.sessions(me.nick())) room.occupants.put(s.withNick(nick));
        Occupant renamed = me.withNick(nick).withPresence(Presences.payload(presence));
        room.occupants.put(renamed);
        Presences.broadcast(room, renamed, null, Change.NONE, room.occupants.all(), Set.of(), Set.of());
    }

    /**
     * One client leaves, with {@code codes} saying why (333 gone...). When other clients of the
     * user keep the nickname, only this client hears it left; the others see the nickname stay.
     */
    static void leave(Room room, Occupant me, Change change, Set<Integer> codes) {
        List<Occupant> siblings = new ArrayList<>(room.occupants.sessions(me.nick()));
        siblings.removeIf(s -> s.real().equals(me.real()));
        if (siblings.isEmpty()) {
            removeNick(room, me, change, codes);
            return;
        }
        room.occupants.remove(me);
        room.service.left(me.real(), room.jid);
        Presences.broadcast(room, me, "unavailable", change, List.of(me), codes, Set.of());
        Presences.broadcast(room, siblings.getFirst(), null, Change.NONE, room.occupants.all(), Set.of(), Set.of());
    }

    /**
     * Removes every client under {@code who}'s nickname and tells everyone, them included;
     * {@code codes} say why (307 kicked, 301 banned...). An empty temporary room goes away.
     */
    static void removeNick(Room room, Occupant who, Change change, Set<Integer> codes) {
        List<Occupant> all = room.occupants.all();
        for (Occupant s : room.occupants.sessions(who.nick())) {
            room.occupants.remove(s);
            room.service.left(s.real(), room.jid);
        }
        Presences.broadcast(room, who, "unavailable", change, all, codes, Set.of());
        room.service.dropIfEmpty(room);
    }
}
