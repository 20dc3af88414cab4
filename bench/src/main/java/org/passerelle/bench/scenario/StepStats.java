package org.passerelle.bench.scenario;

import java.util.concurrent.atomic.LongAdder;
import org.passerelle.bench.stats.Latencies;

/**
 * Latency per rate step, kept by the step a stanza was sent in (a late arrival still counts for
 * its own step), and arrivals counted by when they arrive.
 */
final class StepStats {
    private final Latencies[] latencies;
    private final LongAdder arrived = new LongAdder();
    private final LongAdder foreign = new LongAdder();

    StepStats(int steps) {
        latencies = new Latencies[steps];
        for (int i = 0; i < steps; i++) latencies[i] = new Latencies();
    }

    /** Accounts for one received text; true if it was one of ours. */
    boolean receive(String text, long nowNanos) {
        Stamp s = Stamp.decode(text);
        if (s == null || s.step() < 0 || s.step() >= latencies.length) {
            foreign.increment();
            return false;
        }
        latencies[s.step()].recordNanos(nowNanos - s.sentNanos());
        arrived.increment();
        return true;
    }

    Latencies step(int i) {
        return latencies[i];
    }

    long arrived() {
        return arrived.sum();
    }

    /** Texts that carried no stamp of ours (e.g. presence without status, server messages). */
    long foreign() {
        return foreign.sum();
    }
}
