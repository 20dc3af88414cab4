package org.passerelle.modules.muc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.util.BoundedCache;

/**
 * Rooms an owner destroyed, remembered for a while (XEP-0045 §10.9): a join to one is refused with
 * {@code gone} and the alternate venue instead of quietly creating a new room under the old name,
 * which would take the old room's occupants somewhere nobody moderates. Kept in memory, bounded.
 */
final class Tombstones {
    private static final int MAX = 10_000;

    private record Tombstone(String alternate, String reason, Instant until) {
    }

    private final BoundedCache<EntityBareJid, Tombstone> stones = new BoundedCache<>(MAX);
    private final Duration keep;
    private final Clock clock;

    Tombstones(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    void bury(EntityBareJid room, String alternate, String reason) {
        if (!keep.isZero()) stones.put(room, new Tombstone(alternate, reason, clock.instant().plus(keep)));
    }

    /** Throws {@code gone} if the room was destroyed recently. */
    void check(EntityBareJid room) throws StanzaException {
        Tombstone t = stones.get(room);
        if (t == null) return;
        if (clock.instant().isAfter(t.until())) {
            stones.remove(room);
            return;
        }
        StringBuilder text = new StringBuilder("the room was destroyed");
        if (t.reason() != null && !t.reason().isBlank()) text.append(": ").append(t.reason());
        if (t.alternate() != null) text.append("; it moved to xmpp:").append(t.alternate()).append("?join");
        throw new StanzaException("gone", text.toString());
    }
}
