package org.passerelle.web.admin;

/**
 * Messages per minute over the last 24 hours, in memory: the scheduler samples the total of the
 * message counter once a minute and keeps the difference in a ring of 1440 minutes. The console
 * draws the last hour minute by minute and the last day hour by hour.
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

    /** The last 60 minutes, oldest first; minutes before the first sample count 0. */
    synchronized long[] lastHourByMinute() {
        return last(60);
    }

    /** The last 24 hours, oldest first, each the sum of its 60 minutes. */
    synchronized long[] lastDayByHour() {
        long[] minutes = last(MINUTES);
        long[] hours = new long[24];
        for (int i = 0; i < MINUTES; i++) hours[i / 60] += minutes[i];
        return hours;
    }

    private long[] last(int n) {
        long[] out = new long[n];
        for (int i = 0; i < Math.min(n, filled); i++) out[n - 1 - i] = ring[Math.floorMod(next - 1 - i, MINUTES)];
        return out;
    }
}
