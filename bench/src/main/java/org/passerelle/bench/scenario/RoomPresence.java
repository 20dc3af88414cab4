package org.passerelle.bench.scenario;

import org.passerelle.xml.Element;

/**
 * What a presence from a XEP-0045 room tells the occupant who joins: its own join confirmed
 * (status 110, or the presence from its own occupant JID), the room newly created and locked
 * until configured (status 201), or the join refused (type error).
 */
record RoomPresence(boolean self, boolean created, boolean refused) {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String MUC_USER = MUC + "#user";
    static final String MUC_OWNER = MUC + "#owner";

    /** Reads a presence sent to the occupant {@code occupantJid} (room@service/nick). */
    static RoomPresence of(Element presence, String occupantJid) {
        if (!occupantJid.equals(presence.attr("from"))) return new RoomPresence(false, false, false);
        if ("error".equals(presence.attr("type"))) return new RoomPresence(false, false, true);
        boolean created = false;
        Element x = presence.child("x", MUC_USER);
        if (x != null) {
            for (Element status : x.elements()) {
                if (status.name().equals("status") && "201".equals(status.attr("code"))) created = true;
            }
        }
        return new RoomPresence(!"unavailable".equals(presence.attr("type")), created, false);
    }

    /** The join: directed presence to the occupant JID, asking for no discussion history. */
    static String join(String occupantJid) {
        return "<presence to='" + occupantJid + "'><x xmlns='" + MUC + "'><history maxstanzas='0'/></x></presence>";
    }

    /** Accepts the default configuration of a new room: an instant room (XEP-0045 §10.1.2). */
    static String instantRoom(String room, String id) {
        return "<iq type='set' id='" + id + "' to='" + room + "'><query xmlns='" + MUC_OWNER
                + "'><x xmlns='jabber:x:data' type='submit'/></query></iq>";
    }

    static String leave(String occupantJid) {
        return "<presence type='unavailable' to='" + occupantJid + "'/>";
    }
}
