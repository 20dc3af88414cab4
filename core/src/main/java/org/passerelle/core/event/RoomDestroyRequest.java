package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;

/**
 * An operator destroys a room (XEP-0045 §10.9, as its owner would): the service that hosts it
 * makes the occupants leave with {@code reason}, deletes it and consumes the event (publish
 * returns true). Not consumed: there is no such room.
 */
public record RoomDestroyRequest(EntityBareJid room, String reason) {
}
