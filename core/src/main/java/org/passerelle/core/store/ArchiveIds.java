package org.passerelle.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Archive ids: the archiving time in milliseconds in the high 42 bits (good until 2109) and 21
 * random bits, so ids sort by time, are unique within an archive and cannot be guessed from a
 * neighbour. Written as 13 base-32 digits, which sort like the numbers. One generator per store
 * (see {@link #next}).
 */
public final class ArchiveIds {
    private static final int RANDOM_BITS = 21;
    private static final long RANDOM_MASK = (1L << RANDOM_BITS) - 1;
    private static final int DIGITS = 13;

    private final RandomGenerator random;
    private long previous;
    private long previousMillis = -1;
    private long highest;
    private long highestMillis;

    public ArchiveIds() {
        this(new SecureRandom());
    }

    ArchiveIds(RandomGenerator random) {
        this.random = random;
    }

    /**
     * A new id for a message archived at {@code when}. While time does not go back, each id is
     * larger than every one before, even for a burst that fills a millisecond's ids (it borrows
     * from the next millisecond). An earlier time (an import, a clock set back) gets an id of its
     * own time, after the previous one when that was for the same millisecond (a burst keeps its
     * order).
     */
    public synchronized long next(Instant when) {
        long millis = when.toEpochMilli();
        // A first id in the lower half of the millisecond leaves room for a burst after it.
        long id = (millis << RANDOM_BITS) | (random.nextLong() & (RANDOM_MASK >>> 1));
        if (millis >= highestMillis) {
            id = Math.max(id, highest + 1 + (random.nextLong() & 0xF));
        } else if (millis == previousMillis) {
            id = Math.max(id, previous + 1 + (random.nextLong() & 0xF));
        }
        previous = id;
        previousMillis = millis;
        highest = Math.max(highest, id);
        highestMillis = Math.max(highestMillis, millis);
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
