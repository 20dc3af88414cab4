package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;

/**
 * An IQ request to a room (XEP-0045) in a namespace the room does not answer itself, from someone
 * the room lets in (not banned; a member of a members-only room). A module that serves it (a room
 * archive, XEP-0313 queries) routes its answer and returns true; when none does, the room answers
 * {@code service-unavailable}. Published on the requester's thread, without the room's lock.
 *
 * @param seesRealJids the requester may see occupants' real JIDs (a non-anonymous room)
 */
public record RoomIqRequest(EntityBareJid room, Stanza iq, boolean seesRealJids) {
}
