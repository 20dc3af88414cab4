package org.passerelle.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.passerelle.bench.client.XmppClient;
import org.passerelle.bench.stats.Result;
import org.passerelle.xml.Element;

/**
 * Rooms (XEP-0045): for each room size S, users 0..S-1 join one new room on the MUC service (the
 * first creates it and accepts the default configuration), then groupchat messages go in at
 * stepped rates. A rate counts deliveries — each message reaches all S occupants, the sender's
 * echo included — so the same steps load the server alike for every size. Latency per delivery
 * from the stamp in the body. Each size stops after its first saturated step; everyone leaves
 * before the next size.
 */
final class RoomsScenario implements Scenario {
    private static final boolean DEBUG = Boolean.getBoolean("bench.debug");
    private static final long JOIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final String service;
    /** Join state of the current room, by user number; replaced for each size. */
    private volatile Occupancy current;

    RoomsScenario(String service) {
        this.service = service;
    }

    private record Occupancy(String room, List<CompletableFuture<RoomPresence>> joins, StepStats stats) {
        String occupant(XmppClient c) {
            return room + "/" + c.user();
        }
    }

    @Override
    public List<Result> run(Bench bench) throws Exception {
        List<Integer> sizes = bench.settings().roomSizes();
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (bench.settings().users() < largest) throw new IllegalArgumentException("rooms of " + largest + " need as many users");
        String service = this.service != null ? this.service : "conference." + bench.users().domain();
        Logins logins = new Logins(bench, false, this::received);
        Result.Builder login = Result.builder("rooms-login");
        logins.run(bench.settings().rate());
        logins.addTo(login);
        List<Result> out = new ArrayList<>();
        out.add(login.build());
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int size : sizes) {
            out.addAll(room(bench, logins, "bench" + size + "-" + run + "@" + service, size));
        }
        logins.closeAll();
        return out;
    }

    private List<Result> room(Bench bench, Logins logins, String room, int size) throws Exception {
        List<Double> rates = bench.settings().rates();
        List<CompletableFuture<RoomPresence>> joins = new ArrayList<>();
        for (int i = 0; i < size; i++) joins.add(new CompletableFuture<>());
        Occupancy occupancy = new Occupancy(room, joins, new StepStats(rates.size()));
        current = occupancy;
        long joinStart = System.nanoTime();
        int joined = join(bench, logins, occupancy, size);
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        List<Result> out = new ArrayList<>();
        String name = "rooms-" + size;
        if (joined < size) {
            out.add(Result.builder(name).put("occupants", joined).put("join_failed", size - joined).build());
            leave(logins, occupancy, size);
            return out;
        }
        bench.progress(name + ": " + size + " occupants joined in " + Math.round(joinSeconds * 10) / 10.0 + " s");
        Thread.sleep(500);
        if (bench.jvm() != null) bench.jvm().resetPauses();
        double best = 0;
        double sustained = 0;
        Result bestStep = null;
        Result sustainedStep = null;
        long sentTotal = 0;
        for (int step = 0; step < rates.size(); step++) {
            double deliveries = rates.get(step);
            long d0 = occupancy.stats().arrived();
            double cpu0 = bench.serverCpuSeconds();
            long start = System.nanoTime();
            long end = start + bench.settings().durationSeconds() * 1_000_000_000L;
            Pacer pacer = new Pacer(deliveries / size, start, (int) Math.max(1, deliveries / size / 50));
            long sent = 0;
            int next = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                for (int k = pacer.take(now); k > 0; k--) {
                    XmppClient from = logins.client(next);
                    next = (next + 1) % size;
                    if (from == null || !from.writable()) continue;
                    from.send("<message type='groupchat' to='" + room + "'><body>"
                            + new Stamp(step, System.nanoTime()).encode() + "</body></message>");
                    sent++;
                }
                LockSupport.parkNanos(200_000);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            sentTotal += sent;
            double delivered = (occupancy.stats().arrived() - d0) / elapsed;
            // What was really sent, times the occupants: a few messages a second do not divide a step evenly.
            double offered = sent * (double) size / elapsed;
            Result.Builder r = Result.builder(name + "@" + Math.round(deliveries)).put("occupants", size)
                    .put("target_deliveries_per_s", deliveries).put("messages_per_s", Math.round(sent / elapsed * 10) / 10.0)
                    .put("offered_per_s", Math.round(offered))
                    .put("delivered_per_s", Math.round(delivered));
            occupancy.stats().step(step).addTo(r, "latency");
            ServerLoad.addCpu(r, bench, cpu0, elapsed);
            if (bench.jvm() != null) r.put("gc_max_pause_ms", bench.jvm().maxPauseMillis());
            Result result = r.build();
            out.add(result);
            bench.progress(result.toJson());
            double p99 = occupancy.stats().step(step).percentileMillis(99);
            if (delivered > best) {
                best = delivered;
                bestStep = result;
            }
            if (ChatScenario.sustains(offered, delivered, p99) && delivered > sustained) {
                sustained = delivered;
                sustainedStep = result;
            }
            if (delivered < ChatScenario.SATURATED_SHARE * offered || p99 > ChatScenario.SATURATED_P99_MS) break;
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        long expected = sentTotal * size;
        while (occupancy.stats().arrived() < expected && System.nanoTime() < deadline) Thread.sleep(20);
        Result.Builder summary = Result.builder(name).put("occupants", size)
                .put("join_s", Math.round(joinSeconds * 100) / 100.0)
                .put("sent", sentTotal).put("expected", expected).put("delivered", occupancy.stats().arrived())
                .put("lost", expected - occupancy.stats().arrived())
                .put("max_delivered_per_s", Math.round(best)).put("sustained_per_s", Math.round(sustained));
        ChatScenario.copyStep(summary, bestStep, "_at_max");
        ChatScenario.copyStep(summary, sustainedStep, "_at_sustained");
        if (bench.jvm() != null) summary.put("gc_max_pause_ms", bench.jvm().maxPauseMillis());
        out.add(summary.build());
        leave(logins, occupancy, size);
        return out;
    }

    /** The first user creates the room; the others join with a bound on joins in flight. Returns how many got in. */
    private int join(Bench bench, Logins logins, Occupancy occupancy, int size) throws Exception {
        XmppClient owner = logins.client(0);
        if (owner == null) return 0;
        owner.send(RoomPresence.join(occupancy.occupant(owner)));
        RoomPresence first = occupancy.joins().get(0).get(30, TimeUnit.SECONDS);
        if (!first.self()) return 0;
        if (first.created()) {
            // Until the owner accepts a configuration the room is locked (XEP-0045 §10.1.1).
            CompletableFuture<Element> answer = new CompletableFuture<>();
            configured = answer;
            owner.send(RoomPresence.instantRoom(occupancy.room(), "bench-instant"));
            Element result = answer.get(30, TimeUnit.SECONDS);
            if (!"result".equals(result.attr("type"))) return 1;
        }
        Semaphore inFlight = new Semaphore(bench.settings().concurrency());
        long deadline = System.nanoTime() + JOIN_TIMEOUT_NANOS;
        for (int i = 1; i < size && System.nanoTime() < deadline; i++) {
            XmppClient c = logins.client(i);
            if (c == null) continue;
            while (!inFlight.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) break;
            }
            occupancy.joins().get(i).whenComplete((p, e) -> inFlight.release());
            c.send(RoomPresence.join(occupancy.occupant(c)));
        }
        int in = 0;
        for (CompletableFuture<RoomPresence> j : occupancy.joins()) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                if (j.get(left, TimeUnit.NANOSECONDS).self()) in++;
            } catch (java.util.concurrent.TimeoutException e) {
                // counted as not joined
            }
        }
        return in;
    }

    private volatile CompletableFuture<Element> configured;

    private void leave(Logins logins, Occupancy occupancy, int size) throws InterruptedException {
        for (int i = 0; i < size; i++) {
            XmppClient c = logins.client(i);
            if (c != null) c.send(RoomPresence.leave(occupancy.occupant(c)));
        }
        Thread.sleep(Math.min(10_000, 200 + size * 5L)); // the leave broadcasts are O(size²)
    }

    private void received(XmppClient client, Element stanza) {
        if (DEBUG && client.index() == 0) System.err.println("bench: client 0 got " + org.passerelle.xml.XmlWriter.toXml(stanza));
        Occupancy o = current;
        if (o == null) return;
        switch (stanza.name()) {
            case "message" -> {
                Element body = stanza.child("body", "jabber:client");
                if (body != null) o.stats().receive(body.text(), System.nanoTime());
            }
            case "presence" -> {
                if (client.index() >= o.joins().size()) return;
                RoomPresence p = RoomPresence.of(stanza, o.occupant(client));
                if (p.self() || p.refused()) o.joins().get(client.index()).complete(p);
            }
            case "iq" -> {
                CompletableFuture<Element> c = configured;
                if (c != null && "bench-instant".equals(stanza.attr("id"))) c.complete(stanza);
            }
            default -> { }
        }
    }
}
