package org.passerelle.bench.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.passerelle.bench.client.ClientListener;
import org.passerelle.bench.client.XmppClient;
import org.passerelle.bench.stats.Latencies;
import org.passerelle.xml.Element;

/**
 * Logs users in with a bound on logins in flight and an optional rate, and keeps the clients
 * that made it by user number. Stanzas for online clients go to the scenario's handler.
 */
final class Logins implements ClientListener {
    private final Bench bench;
    private final BiConsumer<XmppClient, Element> stanzas;
    private final boolean closeWhenOnline;
    private final XmppClient[] clients;
    private final Semaphore slots;
    private final Latencies latencies = new Latencies();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean stopping;
    private volatile long lastOnline;
    private long started;
    private int attempted;

    Logins(Bench bench, boolean closeWhenOnline, BiConsumer<XmppClient, Element> stanzas) {
        this.bench = bench;
        this.closeWhenOnline = closeWhenOnline;
        this.stanzas = stanzas;
        this.clients = new XmppClient[bench.settings().users()];
        this.slots = new Semaphore(bench.settings().concurrency());
    }

    /** Logs in users 0..N-1; returns when all have finished or the login timeout has passed. */
    void run(double ratePerSecond) throws InterruptedException {
        started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(bench.settings().loginTimeoutSeconds());
        Pacer pacer = ratePerSecond > 0 ? new Pacer(ratePerSecond, started, 1) : null;
        int n = clients.length;
        while (attempted < n && System.nanoTime() < deadline) {
            if (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) continue;
            while (pacer != null && pacer.take(System.nanoTime()) == 0) Thread.sleep(0, 200_000);
            int i = attempted++;
            bench.connector().connect(bench.client(), i, bench.users().user(i), bench.users().password(i), this);
            if (attempted % 5000 == 0) bench.progress("started " + attempted + " logins, " + online.get() + " online");
        }
        while (finished.get() < attempted && System.nanoTime() < deadline) Thread.sleep(10);
    }

    @Override
    public void online(XmppClient client, long loginNanos) {
        clients[client.index()] = client;
        latencies.recordNanos(loginNanos);
        online.incrementAndGet();
        lastOnline = System.nanoTime();
        finished.incrementAndGet();
        slots.release();
        if (closeWhenOnline) client.close();
    }

    @Override
    public void stanza(XmppClient client, Element stanza) {
        stanzas.accept(client, stanza);
    }

    @Override
    public void closed(XmppClient client, boolean wasOnline, String reason) {
        if (wasOnline) {
            if (!stopping && !closeWhenOnline) dropped.incrementAndGet();
            return;
        }
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
        finished.incrementAndGet();
        slots.release();
    }

    /** Closes every online client and waits briefly for the sockets to go. */
    void closeAll() throws InterruptedException {
        stopping = true;
        for (XmppClient c : clients) if (c != null) c.close();
        Thread.sleep(500);
    }

    XmppClient client(int i) {
        return clients[i];
    }

    int online() {
        return online.get();
    }

    int attempted() {
        return attempted;
    }

    int failed() {
        return failures.values().stream().mapToInt(LongAdder::intValue).sum();
    }

    int dropped() {
        return dropped.get();
    }

    Latencies latencies() {
        return latencies;
    }

    /** Logins per second from the first attempt to the last success. */
    double rate() {
        long span = lastOnline - started;
        return span <= 0 ? 0 : online.get() / (span / 1e9);
    }

    /** The most frequent failure reason with its count, or "" with none. */
    String topFailure() {
        return failures.entrySet().stream().max((a, b) -> Long.compare(a.getValue().sum(), b.getValue().sum()))
                .map(e -> e.getKey() + " (" + e.getValue().sum() + ")").orElse("");
    }

    void addTo(org.passerelle.bench.stats.Result.Builder r) {
        r.put("users", clients.length).put("attempted", attempted).put("online", online()).put("failed", failed());
        if (failed() > 0) r.put("top_failure", topFailure());
        r.put("logins_per_s", Math.round(rate() * 10) / 10.0);
        latencies.addTo(r, "login");
    }
}
