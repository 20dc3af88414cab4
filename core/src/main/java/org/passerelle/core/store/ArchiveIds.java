package org.passerelle.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Archive ids: the archiving time in milliseconds in the high 42 bits (good until 2109) and 21
 * random bits, so ids sort by time, are unique within an archive and cannot be guessed from a
 * neighbour. Written as 13 base-32 digits, which sort like the numbers. One generator per store:
 * within one millisecond it hands out increasing ids, so a burst keeps its order.
 */
public final class ArchiveIds {
    private static final int RANDOM_BITS = 21;
    private static final long RANDOM_MASK = (1L << RANDOM_BITS) - 1;
    private static final int DIGITS = 13;

    private final RandomGenerator random;
    private long last;

    public ArchiveIds() {
        this(new SecureRandom());
    }

    ArchiveIds(RandomGenerator random) {
        this.random = random;
    }

    /** A new id for a message archived at {@code when}; larger than the ids given before for the same or an earlier time. */
    public synchronized long next(Instant when) {
        // A first id in the lower half of the millisecond leaves room for a burst after it.
        long id = (when.toEpochMilli() << RANDOM_BITS) | (random.nextLong() & (RANDOM_MASK >>> 1));
        // Within the millisecond of the last id, after it; an earlier time (an import) keeps its place in time.
        if (id <= last && (id >>> RANDOM_BITS) == (last >>> RANDOM_BITS)) id = last + 1 + (random.nextLong() & 0xF);
        last = id;
        return id;
    }

    /** The archiving time of an id, to the millisecond. */
    public static Instant time(long id) {
        return Instant.ofEpochMilli(id >>> RANDOM_BITS);
    }

    /** The smallest id of a message archived at or after the time. */
    public static long floor(Instant time) {
        return Math.max(0, time.toEpochMilli()) << RANDOM_BITS;
    }

    /** The largest id of a message archived at or before the time. */
    public static long ceiling(Instant time) {
        return floor(time) | RANDOM_MASK;
    }

    public static String format(long id) {
        String s = Long.toString(id, 32);
        return "0".repeat(DIGITS - s.length()) + s;
    }

    /** The number behind an id from a client, or empty when it cannot be one of ours. */
    public static OptionalLong parse(String text) {
        if (text == null || text.length() != DIGITS) return OptionalLong.empty();
        try {
            long id = Long.parseLong(text, 32);
            // One spelling per id: no sign, no upper case.
            return id >= 0 && format(id).equals(text) ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
