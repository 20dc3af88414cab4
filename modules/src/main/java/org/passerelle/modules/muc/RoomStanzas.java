package org.passerelle.modules.muc;

import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** Hands a stanza for a room, or one of its occupants, to the part that handles it; room lock held. */
final class RoomStanzas {
    private RoomStanzas() {
    }

    static Stanza dispatch(Room room, Stanza s, boolean created) throws StanzaException {
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

    private static Stanza iq(Room room, Stanza iq) throws StanzaException {
        Element payload = iq.element().firstElement();
        if (payload == null) throw new StanzaException("bad-request", "empty IQ");
        boolean owner = room.affiliation(iq.from().asBareJid()) == Affiliation.OWNER;
        if (room.locked && !owner) throw new StanzaException("item-not-found", "no such room");
        boolean get = "get".equals(iq.type());
        if (payload.is("query", Muc.OWNER)) return RoomOwner.handle(room, iq);
        if (payload.is("query", Muc.ADMIN)) return RoomAdmin.handle(room, iq);
        if (get && payload.is("query", RoomDisco.INFO)) return RoomDisco.roomInfo(room, iq);
        if (get && payload.is("query", RoomDisco.ITEMS)) return RoomDisco.roomItems(iq);
        throw new StanzaException("service-unavailable", null);
    }
}
