package org.passerelle.bench.scenario;

/**
 * Open-loop pacing: how many operations are due at a given time for a constant rate since the
 * start, so a late tick catches up instead of lowering the rate. Burst-capped so a long stall
 * does not release everything at once. Not thread-safe: one driver thread.
 */
final class Pacer {
    private final double perNano;
    private final long start;
    private final int maxBurst;
    private long issued;

    Pacer(double perSecond, long startNanos, int maxBurst) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive");
        this.perNano = perSecond / 1e9;
        this.start = startNanos;
        this.maxBurst = maxBurst;
    }

    /** Operations to issue now; the caller issues exactly that many (or counts them as skipped). */
    int take(long nowNanos) {
        long due = (long) Math.floor((nowNanos - start) * perNano);
        long n = Math.min(due - issued, maxBurst);
        if (n <= 0) return 0;
        issued += n;
        return (int) n;
    }

    long issued() {
        return issued;
    }
}
