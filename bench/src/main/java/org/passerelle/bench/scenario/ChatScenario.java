package org.passerelle.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.passerelle.bench.client.XmppClient;
import org.passerelle.bench.stats.Result;
import org.passerelle.xml.Element;

/**
 * Chat: users 2k and 2k+1 are a pair and write to each other's bare JID. The total rate rises
 * step by step (open loop: a sender whose socket is full skips, it does not queue); each step
 * reports sent and delivered messages per second and end-to-end latency from the timestamp in
 * the body. Stops after the last step or the first saturated one.
 */
final class ChatScenario implements Scenario {
    /** A step is saturated when under this share of its rate arrives, or p99 exceeds a second. */
    static final double SATURATED_SHARE = 0.8;
    static final double SATURATED_P99_MS = 1000;
    /** A step the server sustains: (nearly) everything delivered within a chat's latency budget. */
    static final double SUSTAINED_SHARE = 0.99;
    static final double SUSTAINED_P99_MS = 100;

    @Override
    public List<Result> run(Bench bench) throws Exception {
        List<Double> rates = bench.settings().rates();
        int n = bench.settings().users() & ~1;
        if (n < 2) throw new IllegalArgumentException("chat needs at least 2 users");
        StepStats stats = new StepStats(rates.size());
        Logins logins = new Logins(bench, false, (c, s) -> received(stats, s));
        logins.run(bench.settings().rate());
        Result.Builder login = Result.builder("chat-login");
        logins.addTo(login);
        List<Result> out = new ArrayList<>();
        out.add(login.build());
        Thread.sleep(1000);
        if (bench.jvm() != null) bench.jvm().resetPauses();
        long totalSent = 0;
        double best = 0;
        Result bestStep = null;
        double sustained = 0;
        Result sustainedStep = null;
        for (int step = 0; step < rates.size(); step++) {
            double rate = rates.get(step);
            long d0 = stats.arrived();
            double cpu0 = bench.serverCpuSeconds();
            long start = System.nanoTime();
            long end = start + bench.settings().durationSeconds() * 1_000_000_000L;
            Pacer pacer = new Pacer(rate, start, (int) Math.max(1, rate / 50));
            long sent = 0;
            long skipped = 0;
            int next = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                for (int k = pacer.take(now); k > 0; k--) {
                    int i = next;
                    next = (next + 1) % n;
                    XmppClient from = logins.client(i);
                    if (from == null || logins.client(i ^ 1) == null || !from.writable()) {
                        skipped++;
                        continue;
                    }
                    from.send("<message type='chat' to='" + bench.users().bareJid(i ^ 1) + "'><body>"
                            + new Stamp(step, System.nanoTime()).encode() + "</body></message>");
                    sent++;
                }
                LockSupport.parkNanos(200_000);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            totalSent += sent;
            long delivered = stats.arrived() - d0;
            Result.Builder r = Result.builder("chat@" + Math.round(rate))
                    .put("pairs", logins.online() / 2).put("target_per_s", rate)
                    .put("sent_per_s", Math.round(sent / elapsed)).put("skipped", skipped)
                    .put("delivered_per_s", Math.round(delivered / elapsed));
            stats.step(step).addTo(r, "latency");
            ServerLoad.addCpu(r, bench, cpu0, elapsed);
            if (bench.jvm() != null) r.put("gc_max_pause_ms", bench.jvm().maxPauseMillis());
            Result result = r.build();
            out.add(result);
            bench.progress(result.toJson());
            if (delivered / elapsed > best) {
                best = delivered / elapsed;
                bestStep = result;
            }
            double p99 = stats.step(step).percentileMillis(99);
            if (sustains(rate, delivered / elapsed, p99) && delivered / elapsed > sustained) {
                sustained = delivered / elapsed;
                sustainedStep = result;
            }
            if (delivered / elapsed < SATURATED_SHARE * rate || p99 > SATURATED_P99_MS) break;
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (stats.arrived() < totalSent && System.nanoTime() < deadline) Thread.sleep(20);
        Result.Builder summary = Result.builder("chat").put("pairs", logins.online() / 2)
                .put("sent", totalSent).put("delivered", stats.arrived()).put("lost", totalSent - stats.arrived())
                .put("max_delivered_per_s", Math.round(best)).put("sustained_per_s", Math.round(sustained));
        copyStep(summary, bestStep, "_at_max");
        copyStep(summary, sustainedStep, "_at_sustained");
        if (bench.jvm() != null) summary.put("gc_max_pause_ms", bench.jvm().maxPauseMillis()).put("gc_pauses", bench.jvm().pauses());
        out.add(summary.build());
        logins.closeAll();
        return out;
    }

    /** True if a step at {@code rate} delivered at least 99 % of it with p99 within 100 ms. */
    static boolean sustains(double rate, double deliveredPerSecond, double p99Millis) {
        return deliveredPerSecond >= SUSTAINED_SHARE * rate && p99Millis <= SUSTAINED_P99_MS;
    }

    static void copyStep(Result.Builder summary, Result step, String suffix) {
        if (step == null) return;
        for (String k : List.of("latency_p50_ms", "latency_p99_ms", "latency_p999_ms", "server_cpu_pct")) {
            if (step.get(k) != null) summary.put(k + suffix, step.get(k));
        }
    }

    private static void received(StepStats stats, Element stanza) {
        if (stanza.name().equals("message")) {
            Element body = stanza.child("body", "jabber:client");
            if (body != null) stats.receive(body.text(), System.nanoTime());
        }
    }
}
