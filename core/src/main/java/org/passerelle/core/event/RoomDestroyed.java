package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;

/**
 * A room (XEP-0045) is gone: destroyed by its owner, or a temporary room emptied. Modules delete
 * what they kept for it (its archive). Published with the room's lock held, before a room of the
 * same name can be created again.
 */
public record RoomDestroyed(EntityBareJid room) {
}
