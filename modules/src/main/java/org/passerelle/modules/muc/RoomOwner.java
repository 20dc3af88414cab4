package org.passerelle.modules.muc;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.muc.Presences.Change;
import org.passerelle.xml.Element;

/**
 * The muc#owner protocol (XEP-0045 §10.1, §10.2, §10.9): the configuration form (an empty
 * submission makes an instant room), changes announced with status 104, and destruction with an
 * optional reason and alternate venue. Called with the room's lock held.
 */
final class RoomOwner {
    private RoomOwner() {
    }

    static Stanza handle(Room room, Stanza iq) throws StanzaException {
        if (room.affiliation(iq.from().asBareJid()) != Affiliation.OWNER) {
            throw new StanzaException("forbidden", "only owners configure the room");
        }
        Element query = iq.element().child("query", Muc.OWNER);
        if (query.child("item", Muc.OWNER) != null) return RoomAdmin.handle(room, iq); // lists, the pre-1.22 way
        if ("get".equals(iq.type())) {
            Element form = RoomConfigForm.form(room.config, room.service.options().maxUsers(), jids(room, Affiliation.OWNER),
                    jids(room, Affiliation.ADMIN), room.service.archiving());
            return iq.result(Element.builder("query", Muc.OWNER).child(form).build());
        }
        Element destroy = query.child("destroy", Muc.OWNER);
        if (destroy != null) {
            destroy(room, destroy.attr("jid"), destroy.childText("reason", Muc.OWNER), destroy.childText("password", Muc.OWNER));
            return iq.result(null);
        }
        DataForm form = DataForm.find(query);
        if (form == null) throw new StanzaException("bad-request", "expected a data form or <destroy/>");
        if ("cancel".equals(form.type())) {
            if (room.locked) destroy(room, null, null, null); // §10.1.3: cancelling the first configuration
            return iq.result(null);
        }
        if (!"submit".equals(form.type())) throw new StanzaException("bad-request", "the form must be of type submit");
        RoomConfig next = RoomConfigForm.apply(room.config, form, room.service.options().maxUsers());
        List<BareJid> owners = RoomConfigForm.jids(form, RoomConfigForm.OWNERS);
        List<BareJid> admins = RoomConfigForm.jids(form, RoomConfigForm.ADMINS);
        room.service.router().route(iq.result(null)); // the owner hears of success before the others of the change
        configure(room, next);
        Occupant me = room.occupants.byReal((EntityFullJid) iq.from());
        String actor = me == null ? null : me.nick();
        if (admins != null) replace(room, Affiliation.ADMIN, admins, owners == null ? List.of() : owners, actor);
        if (owners != null) replace(room, Affiliation.OWNER, owners, admins == null ? List.of() : admins, actor);
        return null;
    }

    private static void configure(Room room, RoomConfig next) {
        RoomConfig before = room.config;
        boolean firstTime = room.locked;
        room.config = next;
        room.locked = false;
        if (next.persistent() && (firstTime || !before.persistent())) room.save(); // affiliations were only in memory
        else if (next.persistent()) room.saveConfig();
        else if (before.persistent()) room.service.store().delete(room.jid);
        if (next.membersOnly() && !before.membersOnly()) {
            for (Occupant o : room.occupants.nicks()) {
                if (room.affiliation(o.real().asBareJid()) == Affiliation.NONE) {
                    Joining.removeNick(room, o, Change.NONE, Set.of(322));
                }
            }
        }
        room.service.dropIfEmpty(room); // an owner outside the room made it temporary
        RoomPlaces.announce(room);
        if (firstTime || room.gone) return;
        Set<Integer> codes = new TreeSet<>(Set.of(104));
        if (next.nonAnonymous() != before.nonAnonymous()) codes.add(next.nonAnonymous() ? 172 : 173);
        Element.Builder x = Element.builder("x", Muc.USER);
        for (int c : codes) x.child(Element.builder("status", Muc.USER).attr("code", Integer.toString(c)).build());
        room.sendToAll(Element.builder("message", Namespaces.CLIENT).attr("type", "groupchat").child(x.build()).build());
    }

    /**
     * Makes {@code list} the full list of owners or admins (the roomowners/roomadmins fields): new
     * ones first, so a room never lacks an owner; dropped ones keep the other list's affiliation if
     * they are on it, else none.
     */
    private static void replace(Room room, Affiliation a, List<BareJid> list, List<BareJid> otherList, String actor) {
        if (room.gone) return;
        for (BareJid j : list) {
            if (room.affiliation(j) != a) RoomAdmin.setAffiliation(room, j, a, actor, null);
        }
        for (BareJid j : jids(room, a)) {
            if (list.contains(j)) continue;
            Affiliation other = a == Affiliation.OWNER ? Affiliation.ADMIN : Affiliation.OWNER;
            RoomAdmin.setAffiliation(room, j, otherList.contains(j) ? other : Affiliation.NONE, actor, null);
        }
    }

    private static List<BareJid> jids(Room room, Affiliation a) {
        return room.withAffiliation(a).stream().map(r -> r.jid()).toList();
    }

    /** Everyone leaves with the reason and the alternate venue; the room and its stored state are gone. */
    static void destroy(Room room, String alternate, String reason, String password) throws StanzaException {
        if (alternate != null) Jids.parse(alternate);
        Element d = Element.builder("destroy", Muc.USER).attr("jid", alternate).textChild("reason", Muc.USER, reason)
                .textChild("password", Muc.USER, password).build();
        room.forgetAffiliations(); // the last presences say affiliation none
        for (Occupant o : room.occupants.all()) {
            room.occupants.remove(o);
            room.service.left(o.real(), room.jid);
            Presences.broadcast(room, o, "unavailable", new Change(null, null, null, d), List.of(o), Set.of(), Set.of());
        }
        boolean cancelled = room.locked; // §10.1.3: a creation given up, not a room that lived
        room.service.remove(room);
        if (!cancelled) room.service.buried(room.jid, alternate, reason);
    }
}
