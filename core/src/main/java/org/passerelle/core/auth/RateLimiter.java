package org.passerelle.core.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (an IP address, an account) in fixed windows and says when a key is over
 * its allowance. Old windows are dropped as keys are touched, so memory stays bounded by the
 * number of recently active keys.
 */
public final class RateLimiter {
    private record Window(long start, int count) {
    }

    private final int allowed;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int allowed, long windowMillis, Clock clock) {
        this.allowed = allowed;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** True while the key has not used up its allowance in the current window. */
    public boolean allowed(String key) {
        Window w = windows.get(key);
        return w == null || expired(w) || w.count() < allowed;
    }

    /** Counts one event for the key. */
    public void record(String key) {
        long now = clock.millis();
        windows.compute(key, (k, w) -> w == null || expired(w) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (windows.size() > 10_000) windows.values().removeIf(this::expired);
    }

    public void reset(String key) {
        windows.remove(key);
    }

    private boolean expired(Window w) {
        return clock.millis() - w.start() >= windowMillis;
    }
}
