package org.passerelle.core.store;

import java.util.Objects;
import org.jxmpp.jid.BareJid;

/**
 * A user's lasting relation to a room: {@code owner}, {@code admin}, {@code member},
 * {@code outcast} or {@code none}; {@code nick} is the nickname the user registered in the room
 * and {@code reason} why someone was banned (both optional).
 */
public record RoomAffiliation(BareJid jid, String affiliation, String nick, String reason) {
    public RoomAffiliation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}
