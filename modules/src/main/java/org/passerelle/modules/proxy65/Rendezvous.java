package org.passerelle.modules.proxy65;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connections waiting for activation, by stream hash: at most two per hash (target and
 * initiator); both are closed if no activation comes within the timeout.
 */
final class Rendezvous<C extends Closeable> {
    /** The two connections of one activated stream. */
    record Pair<C>(C first, C second) {
    }

    private static final class Waiting<C> {
        final List<C> connections = new ArrayList<>(2);
        ScheduledFuture<?> expiry;
    }

    private final Map<String, Waiting<C>> waiting = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    Rendezvous(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Parks a connection under its hash; false (caller closes it) when two already wait there. */
    synchronized boolean join(String hash, C connection) {
        Waiting<C> w = waiting.computeIfAbsent(hash, h -> new Waiting<>());
        if (w.connections.size() == 2) return false;
        w.connections.add(connection);
        if (w.expiry == null) w.expiry = scheduler.schedule(() -> expire(hash, w), timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Takes the two connections of a hash out for relaying; null unless exactly two wait. */
    synchronized Pair<C> activate(String hash) {
        Waiting<C> w = waiting.get(hash);
        if (w == null || w.connections.size() != 2) return null;
        waiting.remove(hash);
        w.expiry.cancel(false);
        return new Pair<>(w.connections.get(0), w.connections.get(1));
    }

    /** Forgets a connection that closed while waiting. */
    synchronized void leave(String hash, C connection) {
        Waiting<C> w = waiting.get(hash);
        if (w == null || !w.connections.remove(connection)) return;
        if (w.connections.isEmpty()) {
            waiting.remove(hash);
            w.expiry.cancel(false);
        }
    }

    synchronized int waitingConnections() {
        return waiting.values().stream().mapToInt(w -> w.connections.size()).sum();
    }

    /** Closes everything still waiting (module stop). */
    void closeAll() {
        List<C> all = new ArrayList<>();
        synchronized (this) {
            waiting.values().forEach(w -> {
                w.expiry.cancel(false);
                all.addAll(w.connections);
            });
            waiting.clear();
        }
        all.forEach(Rendezvous::closeQuietly);
    }

    private void expire(String hash, Waiting<C> w) {
        synchronized (this) {
            if (waiting.get(hash) != w) return;
            waiting.remove(hash);
        }
        w.connections.forEach(Rendezvous::closeQuietly);
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
