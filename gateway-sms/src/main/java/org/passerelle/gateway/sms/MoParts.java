package org.passerelle.gateway.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts concatenated mobile-originated SMS back together: parts wait here (in memory) until the
 * last one arrives, at most {@link #MAX_AGE} and {@link #MAX_PENDING} texts at a time. A part the
 * SMSC delivers twice takes its place once. A complete text keeps its parts until it was handled
 * ({@link #done}): if handling fails, the SMSC retries only the last part, which completes it again.
 */
final class MoParts {
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final int MAX_PENDING = 1000;

    private record Key(String smsc, String phone, int reference, int total) {
    }

    private record Partial(String[] texts, Instant started) {
    }

    /** What became of a part. */
    sealed interface Result {
        record Complete(String text) implements Result {
        }

        record Waiting() implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private final Map<Key, Partial> partials = new HashMap<>();

    synchronized Result add(String smsc, String phone, int reference, int total, int sequence, String text, Instant now) {
        partials.values().removeIf(p -> p.started().plus(MAX_AGE).isBefore(now));
        if (sequence < 1 || sequence > total) return new Result.Refused("part " + sequence + " of " + total);
        Key key = new Key(smsc, phone, reference, total);
        Partial p = partials.get(key);
        if (p == null) {
            if (partials.size() >= MAX_PENDING) return new Result.Refused(MAX_PENDING + " texts already wait for their parts");
            p = new Partial(new String[total], now);
            partials.put(key, p);
        }
        p.texts()[sequence - 1] = text;
        for (String t : p.texts()) if (t == null) return new Result.Waiting();
        return new Result.Complete(String.join("", p.texts()));
    }

    /** The text was handled (or was a duplicate): its parts are forgotten. */
    synchronized void done(String smsc, String phone, int reference, int total) {
        partials.remove(new Key(smsc, phone, reference, total));
    }
}
