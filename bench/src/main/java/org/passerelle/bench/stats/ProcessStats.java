package org.passerelle.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Readings of a server process from {@code /proc/PID}: resident memory and CPU time. Works for
 * any server (Erlang, Lua, JVM); values are -1 when the process is gone or not readable.
 */
public final class ProcessStats {
    /** Linux reports CPU times in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;
    private final Path proc;

    public ProcessStats(long pid) {
        this(Path.of("/proc", Long.toString(pid)));
    }

    ProcessStats(Path proc) {
        this.proc = proc;
    }

    /** VmRSS in bytes. */
    public long rssBytes() {
        return bytes(statusKilobytes("VmRSS:"));
    }

    /** VmHWM (peak resident) in bytes. */
    public long peakRssBytes() {
        return bytes(statusKilobytes("VmHWM:"));
    }

    /** User plus system CPU time, in seconds. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long bytes(long kilobytes) {
        return kilobytes < 0 ? -1 : kilobytes * 1024;
    }

    private long statusKilobytes(String key) {
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split(" +")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
