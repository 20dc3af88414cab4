package org.passerelle.core.store;

import java.util.Objects;
import org.jxmpp.jid.BareJid;

/**
 * A user's lasting relation to a room: {@code owner}, {@code admin}, {@code member},
 * {@code outcast} or {@code none}; {@code reason} is optional (why someone was banned).
 */
public record RoomAffiliation(BareJid jid, String affiliation, String reason) {
    public RoomAffiliation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}
