package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * Asks whether {@code user} is banned from the public place {@code place} (an outcast of a
 * XEP-0045 room): publish it, and the place's publisher consumes it (publish returns true) when
 * the user is banned, so a location search can leave the place out. No listener means no ban.
 */
public record PlaceBanQuery(Jid place, EntityBareJid user) {
}
