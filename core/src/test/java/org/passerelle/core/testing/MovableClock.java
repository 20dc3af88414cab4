package org.passerelle.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A UTC clock a test moves: fixed at a start, or the real time plus what the test added. */
public final class MovableClock extends Clock {
    private final Supplier<Instant> base;
    private volatile Duration ahead = Duration.ZERO;

    private MovableClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** Stands at {@code start} until the test moves it. */
    public static MovableClock at(Instant start) {
        return new MovableClock(() -> start);
    }

    /** Runs with real time (timeouts of real peers still work), ahead by what the test added. */
    public static MovableClock realTime() {
        return new MovableClock(Instant::now);
    }

    public void add(Duration d) {
        ahead = ahead.plus(d);
    }

    /** Moves to {@code t} (for a clock made with {@link #at}). */
    public void set(Instant t) {
        ahead = Duration.between(base.get(), t);
    }

    @Override public Instant instant() { return base.get().plus(ahead); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }
}
