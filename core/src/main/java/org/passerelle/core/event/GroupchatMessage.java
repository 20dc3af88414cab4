package org.passerelle.core.event;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.xml.Element;

/**
 * A room (XEP-0045) is about to broadcast a groupchat message: {@code message} as every occupant
 * gets it, {@code from} the room JID with the sender's nickname, {@code sender} the real JID
 * behind it. Published once per message, with the room's lock held, so listeners see a room's
 * messages in order; an archive (XEP-0313) listens here. Listeners must not block for long.
 */
public record GroupchatMessage(EntityBareJid room, EntityFullJid from, EntityFullJid sender, Element message, Instant at) {
}
