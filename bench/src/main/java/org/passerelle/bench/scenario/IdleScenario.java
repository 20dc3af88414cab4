package org.passerelle.bench.scenario;

import java.util.List;
import org.passerelle.bench.stats.Result;

/**
 * Idle: log N users in and hold them for the duration. Server memory per session is the
 * growth of resident memory (and, on a JVM, of heap after a full GC) divided by the sessions.
 */
final class IdleScenario implements Scenario {
    @Override
    public List<Result> run(Bench bench) throws Exception {
        long heap0 = bench.jvm() == null ? -1 : bench.jvm().usedHeapAfterGc();
        long rss0 = bench.serverRss();
        Logins logins = new Logins(bench, false, (c, s) -> { });
        logins.run(bench.settings().rate());
        Result.Builder r = Result.builder("idle-" + bench.settings().users()).put("tls", bench.client().tls());
        logins.addTo(r);
        bench.progress(logins.online() + " sessions online; holding " + bench.settings().durationSeconds() + " s");
        Thread.sleep(bench.settings().durationSeconds() * 1000L);
        long heap1 = bench.jvm() == null ? -1 : bench.jvm().usedHeapAfterGc();
        long rss1 = bench.serverRss();
        int n = logins.online();
        r.put("held", n - logins.dropped()).put("dropped", logins.dropped());
        if (rss0 > 0 && n > 0) {
            r.put("server_rss_before_mib", ServerLoad.mib(rss0)).put("server_rss_after_mib", ServerLoad.mib(rss1))
                    .put("rss_per_session_kib", ServerLoad.kib((rss1 - rss0) / n));
        }
        if (heap0 > 0 && n > 0) {
            r.put("heap_before_mib", ServerLoad.mib(heap0)).put("heap_after_mib", ServerLoad.mib(heap1))
                    .put("heap_per_session_kib", ServerLoad.kib((heap1 - heap0) / n));
        }
        if (bench.server() != null) r.put("server_peak_rss_mib", ServerLoad.mib(bench.server().peakRssBytes()));
        logins.closeAll();
        return List.of(r.build());
    }
}
