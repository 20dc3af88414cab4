package org.passerelle.web.admin;

/**
 * Messages per minute over the last 24 hours, in memory: the scheduler samples the total of the
 * message counter once a minute and keeps the difference in a ring of 1440 minutes. The console
 * draws the last hour minute by minute and the last day hour by hour; the newest entry of each is
 * the minute in progress, so traffic shows as soon as it happens.
 */
final class TrafficHistory {
    static final int MINUTES = 24 * 60;

    private final long[] ring = new long[MINUTES];
    private int next;
    private int filled;
    private long lastTotal = -1;

    /** Takes the counter's total now; the first sample only sets the base. */
    synchronized void sample(long total) {
        if (lastTotal >= 0) {
            ring[next] = Math.max(0, total - lastTotal); // a counter never goes down; be safe anyway
            next = (next + 1) % MINUTES;
            filled = Math.min(MINUTES, filled + 1);
        }
        lastTotal = total;
    }

    /**
     * The last 60 minutes, oldest first: 59 sampled minutes and the one in progress up to
     * {@code totalNow} (the counter's total now); minutes before the first sample count 0.
     */
    synchronized long[] lastHourByMinute(long totalNow) {
        return withCurrent(60, totalNow);
    }

    /** The last 24 hours, oldest first, each the sum of its 60 minutes (the newest with the minute in progress). */
    synchronized long[] lastDayByHour(long totalNow) {
        long[] minutes = withCurrent(MINUTES, totalNow);
        long[] hours = new long[24];
        for (int i = 0; i < MINUTES; i++) hours[i / 60] += minutes[i];
        return hours;
    }

    /** The last {@code n - 1} sampled minutes, oldest first, then the minute in progress. */
    private long[] withCurrent(int n, long totalNow) {
        long[] out = new long[n];
        for (int i = 0; i < Math.min(n - 1, filled); i++) out[n - 2 - i] = ring[Math.floorMod(next - 1 - i, MINUTES)];
        out[n - 1] = lastTotal < 0 ? 0 : Math.max(0, totalNow - lastTotal);
        return out;
    }
}
