package org.passerelle.modules.muc;

import org.jxmpp.jid.EntityFullJid;
import org.passerelle.xml.Element;

/**
 * One client in a room: its real full JID, its nickname and role, and the last presence it sent
 * (show, status, caps... without the MUC payload), rebroadcast with the room's items.
 */
record Occupant(EntityFullJid real, String nick, Role role, Element presence, String occupantId) {
    Occupant withRole(Role r) {
        return new Occupant(real, nick, r, presence, occupantId);
    }

    Occupant withNick(String n) {
        return new Occupant(real, n, role, presence, occupantId);
    }

    Occupant withPresence(Element p) {
        return new Occupant(real, nick, role, p, occupantId);
    }
}
