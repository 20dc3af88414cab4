package org.passerelle.modules.muc;

import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.muc.Presences.Change;
import org.passerelle.xml.Element;

/** Hands a stanza for a room, or one of its occupants, to the part that handles it; room lock held. */
final class RoomStanzas {
    private RoomStanzas() {
    }

    /** Errors that say an occupant's client is gone: the room removes it (status 333, "technical problem"). */
    private static final Set<String> GONE = Set.of("gone", "item-not-found", "recipient-unavailable", "redirect",
            "remote-server-not-found", "remote-server-timeout", "service-unavailable");

    /** The namespaces the room answers itself. */
    private static final Set<String> OWN = Set.of(Muc.OWNER, Muc.ADMIN, RoomDisco.INFO, RoomDisco.ITEMS, NickRegistration.NS);

    static Stanza dispatch(Room room, Stanza s, boolean created) throws StanzaException {
        if ("error".equals(s.type()) && !s.isIq() && clientGone(room, s)) return null;
        if (s.to().hasResource()) {
            if (s.isPresence()) {
                Joining.presence(room, s, created);
                return null;
            }
            if (s.isMessage()) {
                RoomMessages.toOccupant(room, s);
                return null;
            }
            return RoomMessages.iqToOccupant(room, s);
        }
        if (s.isMessage()) {
            RoomMessages.toRoom(room, s);
            return null;
        }
        if (s.isPresence()) {
            if (s.type() == null) throw new StanzaException("jid-malformed", "enter a room as room@service/nickname");
            return null;
        }
        return s.isIqRequest() ? iq(room, s) : null;
    }

    private static boolean clientGone(Room room, Stanza error) {
        Occupant o = room.occupants.byReal((EntityFullJid) error.from());
        Element e = error.element().child("error", Namespaces.CLIENT);
        Element condition = e == null ? null : e.childIn(Namespaces.STANZA_ERRORS);
        if (o == null || condition == null || !GONE.contains(condition.name())) return false;
        Joining.leave(room, o, Change.NONE, Set.of(333));
        return true;
    }

    /** An IQ request to the room in a namespace it does not answer itself ({@link org.passerelle.core.event.RoomIqRequest}). */
    static boolean servedElsewhere(Stanza s) {
        Element payload = s.element().firstElement();
        return s.isIqRequest() && !s.to().hasResource() && payload != null && !OWN.contains(payload.namespace());
    }

    /**
     * Who may use what the room offers beside chat (its archive): those who may enter. Not
     * outcasts; only members of members-only rooms; in a room with a password (an IQ cannot give
     * it) only occupants and affiliated users.
     */
    static void checkAccess(Room room, Stanza iq) throws StanzaException {
        Affiliation a = room.affiliation(iq.from().asBareJid());
        if (room.locked && a != Affiliation.OWNER) throw new StanzaException("item-not-found", "no such room");
        if (a == Affiliation.OUTCAST || (room.config.membersOnly() && a == Affiliation.NONE)) {
            throw new StanzaException("forbidden", "only members may use this room");
        }
        if (room.config.needsPassword() && a == Affiliation.NONE && room.occupants.byReal((EntityFullJid) iq.from()) == null) {
            throw new StanzaException("forbidden", "enter the room with its password first");
        }
    }

    private static Stanza iq(Room room, Stanza iq) throws StanzaException {
        Element payload = iq.element().firstElement();
        if (payload == null) throw new StanzaException("bad-request", "empty IQ");
        boolean owner = room.affiliation(iq.from().asBareJid()) == Affiliation.OWNER;
        if (room.locked && !owner) throw new StanzaException("item-not-found", "no such room");
        boolean get = "get".equals(iq.type());
        if (payload.is("query", Muc.OWNER)) return RoomOwner.handle(room, iq);
        if (payload.is("query", Muc.ADMIN)) return RoomAdmin.handle(room, iq);
        if (payload.is("query", NickRegistration.NS)) return NickRegistration.handle(room, iq);
        if (get && payload.is("query", RoomDisco.INFO)) return RoomDisco.roomInfo(room, iq);
        if (get && payload.is("query", RoomDisco.ITEMS)) return RoomDisco.roomItems(iq);
        throw new StanzaException("service-unavailable", null);
    }
}
