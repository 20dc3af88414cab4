package org.passerelle.modules.muc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.RoomAffiliation;
import org.passerelle.modules.muc.Presences.Change;
import org.passerelle.xml.Element;

/**
 * The muc#admin protocol (XEP-0045 §8, §9, §10.3 to §10.5): kick, voice, moderator rights by
 * nickname; member, ban, admin and owner lists by JID. A request with several items is checked
 * whole before any item is applied. Called with the room's lock held.
 */
final class RoomAdmin {
    private RoomAdmin() {
    }

    static Stanza handle(Room room, Stanza iq) throws StanzaException {
        Element query = iq.element().firstElement();
        String ns = query.namespace(); // muc#admin, or muc#owner for the owner and admin lists of older clients
        Occupant me = room.occupants.byReal((EntityFullJid) iq.from());
        Affiliation mine = room.affiliation(iq.from().asBareJid());
        List<Element> items = query.children("item", ns);
        if (items.isEmpty()) throw new StanzaException("bad-request", "expected at least one item");
        if ("get".equals(iq.type())) return iq.result(list(room, ns, items.getFirst(), me, mine));
        List<Runnable> changes = new ArrayList<>();
        for (Element item : items) changes.add(check(room, ns, item, me, mine));
        changes.forEach(Runnable::run);
        return iq.result(null);
    }

    private static Element list(Room room, String ns, Element item, Occupant me, Affiliation mine) throws StanzaException {
        Element.Builder q = Element.builder("query", ns);
        Affiliation affiliation = Affiliation.parse(item.attr("affiliation"));
        Role role = Role.parse(item.attr("role"));
        if (affiliation != null && affiliation != Affiliation.NONE) {
            if (!mine.isAdmin()) throw new StanzaException("forbidden", "only admins and owners see the lists");
            for (RoomAffiliation a : room.withAffiliation(affiliation)) {
                q.child(Element.builder("item", ns).attr("affiliation", a.affiliation()).attr("jid", a.jid().toString())
                        .attr("nick", a.nick()).textChild("reason", ns, a.reason()).build());
            }
        } else if (role == Role.MODERATOR || role == Role.PARTICIPANT || role == Role.VISITOR) {
            if (me == null || me.role() != Role.MODERATOR) throw new StanzaException("forbidden", "only moderators see roles");
            for (Occupant o : room.occupants.nicks()) {
                if (o.role() != role) continue;
                q.child(Element.builder("item", ns).attr("role", o.role().xml()).attr("nick", o.nick())
                        .attr("affiliation", room.affiliation(o.real().asBareJid()).xml())
                        .attr("jid", room.showsJidsTo(me) ? o.real().toString() : null).build());
            }
        } else {
            throw new StanzaException("bad-request", "ask for one affiliation or one role");
        }
        return q.build();
    }

    /** Checks one item and returns the change it makes, to run once every item passed. */
    private static Runnable check(Room room, String ns, Element item, Occupant me, Affiliation mine) throws StanzaException {
        String reason = item.childText("reason", ns);
        String actor = me == null ? null : me.nick();
        if (item.attr("role") != null) {
            Role role = Role.parse(item.attr("role"));
            if (role == null || item.attr("nick") == null) {
                throw new StanzaException("bad-request", "a role item needs a role and a nick");
            }
            if (me == null || me.role() != Role.MODERATOR) throw new StanzaException("forbidden", "only moderators change roles");
            Occupant target = room.occupants.byNick(item.attr("nick"));
            if (target == null) throw new StanzaException("item-not-found", "no occupant with that nickname");
            Affiliation theirs = room.affiliation(target.real().asBareJid());
            if (theirs.isAdmin() && role != Role.MODERATOR) {
                throw new StanzaException("not-allowed", "admins and owners keep their moderator role");
            }
            if ((role == Role.MODERATOR || target.role() == Role.MODERATOR) && !mine.isAdmin()) {
                throw new StanzaException("forbidden", "only admins and owners grant or revoke moderator rights");
            }
            return () -> setRole(room, target, role, actor, reason);
        }
        Affiliation affiliation = Affiliation.parse(item.attr("affiliation"));
        if (affiliation == null) throw new StanzaException("bad-request", "an item needs a role or an affiliation");
        BareJid user = user(room, item);
        if (!mine.isAdmin()) throw new StanzaException("forbidden", "only admins and owners change affiliations");
        Affiliation theirs = room.affiliation(user);
        if ((affiliation.isAdmin() || theirs.isAdmin()) && mine != Affiliation.OWNER) {
            throw new StanzaException("not-allowed", "only owners change admins and owners");
        }
        boolean lastOwner = theirs == Affiliation.OWNER && room.withAffiliation(Affiliation.OWNER).size() == 1;
        if (lastOwner && affiliation != Affiliation.OWNER) {
            throw new StanzaException("conflict", "a room keeps at least one owner");
        }
        return () -> setAffiliation(room, user, affiliation, actor, reason);
    }

    private static BareJid user(Room room, Element item) throws StanzaException {
        if (item.attr("jid") != null) return Jids.parse(item.attr("jid")).asBareJid();
        Occupant o = item.attr("nick") == null ? null : room.occupants.byNick(item.attr("nick"));
        if (o == null) throw new StanzaException("bad-request", "an affiliation item needs a jid (or the nick of an occupant)");
        return o.real().asBareJid();
    }

    static void setRole(Room room, Occupant target, Role role, String actor, String reason) {
        if (role == Role.NONE) {
            Joining.removeNick(room, target, new Change(null, actor, reason, null), Set.of(307));
            return;
        }
        Occupant changed = null;
        for (Occupant s : room.occupants.sessions(target.nick())) {
            room.occupants.put(s.withRole(role));
            if (changed == null) changed = s.withRole(role);
        }
        if (changed == null) return;
        Presences.broadcast(room, changed, null, new Change(null, actor, reason, null), room.occupants.all(), Set.of(), Set.of());
    }

    /**
     * Sets the affiliation and updates the user's occupants: banned (301) or no longer a member of
     * a members-only room (321), they leave; otherwise their role follows the new affiliation.
     */
    static void setAffiliation(Room room, BareJid user, Affiliation affiliation, String actor, String reason) {
        room.setAffiliation(user, affiliation, affiliation == Affiliation.OUTCAST ? reason : null);
        Set<String> done = new HashSet<>();
        for (Occupant o : room.occupants.of(user)) {
            if (!done.add(Nicknames.key(o.nick()))) continue; // one nickname, several clients: handled at once
            Change change = new Change(null, actor, reason, null);
            if (affiliation == Affiliation.OUTCAST) {
                Joining.removeNick(room, o, change, Set.of(301));
            } else if (affiliation == Affiliation.NONE && room.config.membersOnly()) {
                Joining.removeNick(room, o, change, Set.of(321));
            } else {
                setRole(room, o, affiliation.defaultRole(room.config.moderated()), actor, reason);
            }
        }
    }
}
