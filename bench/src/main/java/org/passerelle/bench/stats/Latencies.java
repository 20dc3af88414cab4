package org.passerelle.bench.stats;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes),
 * safe to record into from several event loops at once.
 */
public final class Latencies {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    public void recordNanos(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, MAX_MICROS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at the percentile (0-100) in milliseconds, or 0 with no samples. */
    public double percentileMillis(double percentile) {
        if (histogram.getTotalCount() == 0) return 0;
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }

    /** Adds p50, p99, p999 and max (ms) under {@code prefix} to a result. */
    public void addTo(Result.Builder result, String prefix) {
        result.put(prefix + "_p50_ms", round(percentileMillis(50)))
                .put(prefix + "_p99_ms", round(percentileMillis(99)))
                .put(prefix + "_p999_ms", round(percentileMillis(99.9)))
                .put(prefix + "_max_ms", round(maxMillis()));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
