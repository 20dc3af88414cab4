package org.passerelle.bench.scenario;

import org.passerelle.bench.stats.Result;

/** Server CPU and memory figures added to results when the server's pid is known. */
final class ServerLoad {
    private ServerLoad() {
    }

    /** Server CPU as a percentage of one core over the phase (200 = both cores of this machine). */
    static void addCpu(Result.Builder r, Bench bench, double cpuBefore, double elapsedSeconds) {
        if (bench.server() == null || cpuBefore < 0) return;
        double used = bench.serverCpuSeconds() - cpuBefore;
        r.put("server_cpu_s", Math.round(used * 100) / 100.0);
        r.put("server_cpu_pct", Math.round(used / elapsedSeconds * 1000) / 10.0);
    }

    static double kib(long bytes) {
        return Math.round(bytes / 1024.0 * 10) / 10.0;
    }

    static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
