package org.passerelle.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.xml.Element;

/**
 * A room (XEP-0045) is about to broadcast a groupchat message: {@code message} as every occupant
 * gets it, {@code from} the room JID with the sender's nickname, {@code sender} the real JID
 * behind it. Published once per message with a body, with the room's lock held, so listeners see
 * a room's messages in order; an archive (XEP-0313) listens here, and may {@link #add} elements
 * (its XEP-0359 {@code <stanza-id by='room'/>}) that every occupant and the room's history then
 * get. Listeners must not block for long and must return false (every listener sees the message).
 *
 * @param archived     the room's owner lets its messages be archived ({@code muc#roomconfig_enablearchiving})
 * @param senderPublic the room is non-anonymous: every occupant may see {@code sender}; otherwise
 *                     a listener must not show it to others
 */
public record GroupchatMessage(EntityBareJid room, EntityFullJid from, EntityFullJid sender, Element message, Instant at,
                               boolean archived, boolean senderPublic, List<Element> additions) {
    public GroupchatMessage(EntityBareJid room, EntityFullJid from, EntityFullJid sender, Element message, Instant at,
                            boolean archived, boolean senderPublic) {
        this(room, from, sender, message, at, archived, senderPublic, new ArrayList<>());
    }

    /** Adds an element to the message as broadcast. Only for listeners, on the publishing thread. */
    public void add(Element element) {
        additions.add(element);
    }
}
