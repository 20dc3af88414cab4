package org.passerelle.bench.scenario;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.passerelle.bench.client.XmppClient;
import org.passerelle.bench.stats.Result;
import org.passerelle.xml.Element;

/**
 * Presence: users whose rosters were provisioned beforehand ({@code bench population}, then
 * the server's import) log in with initial presence, then change status at the given total rate
 * for the duration. Reports presence stanzas delivered per second (each change fans out to the
 * online contacts) and their latency from the timestamp in the status text.
 */
final class PresenceScenario implements Scenario {
    static final double DEFAULT_RATE = 200;

    @Override
    public List<Result> run(Bench bench) throws Exception {
        StepStats stats = new StepStats(1);
        LongAdder loginPresences = new LongAdder();
        Logins logins = new Logins(bench, false, (c, s) -> {
            if (!s.name().equals("presence")) return;
            if (!stats.receive(s.childText("status", "jabber:client"), System.nanoTime())) loginPresences.increment();
        });
        logins.run(0);
        Result.Builder r = Result.builder("presence");
        logins.addTo(r);
        Thread.sleep(2000);
        r.put("presences_during_login", loginPresences.sum());
        double rate = bench.settings().rate() > 0 ? bench.settings().rate() : DEFAULT_RATE;
        int n = bench.settings().users();
        double cpu0 = bench.serverCpuSeconds();
        if (bench.jvm() != null) bench.jvm().resetPauses();
        long start = System.nanoTime();
        long end = start + bench.settings().durationSeconds() * 1_000_000_000L;
        Pacer pacer = new Pacer(rate, start, (int) Math.max(1, rate / 50));
        long changes = 0;
        long skipped = 0;
        int next = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            for (int k = pacer.take(now); k > 0; k--) {
                XmppClient c = logins.client(next);
                next = (next + 1) % n;
                if (c == null || !c.writable()) {
                    skipped++;
                    continue;
                }
                String show = changes % 2 == 0 ? "away" : "dnd";
                c.send("<presence><show>" + show + "</show><status>" + new Stamp(0, System.nanoTime()).encode() + "</status></presence>");
                changes++;
            }
            LockSupport.parkNanos(500_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deliveredInPhase = stats.arrived();
        r.put("changes_per_s", Math.round(changes / elapsed)).put("skipped", skipped)
                .put("presence_delivered_per_s", Math.round(deliveredInPhase / elapsed))
                .put("fanout", changes == 0 ? 0 : Math.round(deliveredInPhase * 10.0 / changes) / 10.0);
        stats.step(0).addTo(r, "latency");
        ServerLoad.addCpu(r, bench, cpu0, elapsed);
        if (bench.jvm() != null) r.put("gc_max_pause_ms", bench.jvm().maxPauseMillis());
        logins.closeAll();
        return List.of(r.build());
    }
}
