package org.passerelle.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.passerelle.core.stanza.StanzaKind;

/**
 * The server's meters, with their names in one place (documented in docs/METRICS.md). Wraps one
 * {@link MeterRegistry} per server: a {@link SimpleMeterRegistry} by default, a Prometheus one
 * when the server has it. Hot-path meters are created once and kept, so counting a stanza is a
 * map lookup and an atomic add.
 */
public final class Metrics {
    public static final String SESSIONS = "passerelle.sessions";
    public static final String STANZAS_IN = "passerelle.stanzas.in";
    public static final String STANZAS_OUT = "passerelle.stanzas.out";
    public static final String ROUTING = "passerelle.routing";
    public static final String AUTH_FAILURES = "passerelle.auth.failures";
    public static final String OFFLINE_STORED = "passerelle.offline.stored";
    public static final String OFFLINE_DELIVERED = "passerelle.offline.delivered";
    public static final String OFFLINE_QUEUED = "passerelle.offline.queued";

    private final MeterRegistry registry;
    private final Map<StanzaKind, Counter> in = new EnumMap<>(StanzaKind.class);
    private final Map<StanzaKind, Counter> out = new EnumMap<>(StanzaKind.class);
    private final Timer routing;
    private final Counter offlineStored;
    private final Counter offlineDelivered;
    private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        for (StanzaKind kind : StanzaKind.values()) {
            in.put(kind, Counter.builder(STANZAS_IN).tag("kind", kind.elementName())
                    .description("stanzas received from clients").register(registry));
            out.put(kind, Counter.builder(STANZAS_OUT).tag("kind", kind.elementName())
                    .description("stanzas delivered to sessions").register(registry));
        }
        routing = Timer.builder(ROUTING).description("time to route one client stanza")
                .publishPercentileHistogram().register(registry);
        offlineStored = Counter.builder(OFFLINE_STORED).description("messages stored for offline users")
                .register(registry);
        offlineDelivered = Counter.builder(OFFLINE_DELIVERED).description("offline messages delivered at login")
                .register(registry);
    }

    /** A server's meters in a fresh in-memory registry. */
    public static Metrics inMemory() {
        return new Metrics(new SimpleMeterRegistry());
    }

    /** The registry, for rendering (the Prometheus text format) and for tests. */
    public MeterRegistry registry() {
        return registry;
    }

    public void stanzaIn(StanzaKind kind) {
        in.get(kind).increment();
    }

    public void stanzaOut(StanzaKind kind) {
        out.get(kind).increment();
    }

    /** The routing latency timer; callers record with {@code System.nanoTime()} deltas. */
    public Timer routing() {
        return routing;
    }

    /** Counts a failed authentication, by SASL mechanism (or "none") and RFC 6120 §6.5 condition. */
    public void authFailure(String mechanism, String reason) {
        Counter.builder(AUTH_FAILURES).tag("mechanism", mechanism == null ? "none" : mechanism)
                .tag("reason", reason).description("failed authentications").register(registry).increment();
    }

    public void offlineStored() {
        offlineStored.increment();
    }

    public void offlineDelivered(int count) {
        offlineDelivered.increment(count);
    }

    /**
     * The offline queue size as a gauge, read from {@code total} when scraped, at most once per
     * {@code cacheMillis}: a scrape every few seconds costs one store read now and then.
     */
    public void offlineQueued(LongSupplier total, long cacheMillis) {
        Gauge.builder(OFFLINE_QUEUED, new CachedValue(total, cacheMillis), CachedValue::get)
                .description("messages waiting in offline storage, every account together").strongReference(true).register(registry);
    }

    /** A value read again only when the last reading is older than the cache time. */
    private static final class CachedValue {
        private final LongSupplier source;
        private final long cacheNanos;
        private long readAt;
        private double value = Double.NaN;

        CachedValue(LongSupplier source, long cacheMillis) {
            this.source = source;
            this.cacheNanos = cacheMillis * 1_000_000;
        }

        synchronized double get() {
            long now = System.nanoTime();
            if (Double.isNaN(value) || now - readAt >= cacheNanos) {
                value = source.getAsLong();
                readAt = now;
            }
            return value;
        }
    }

    /** A frontend started a session of its transport ({@code c2s}, later {@code websocket}, {@code bosh}). */
    public void sessionStarted(String transport) {
        open(transport).incrementAndGet();
    }

    /** The pair of {@link #sessionStarted}, called once per session. */
    public void sessionEnded(String transport) {
        open(transport).decrementAndGet();
    }

    private AtomicInteger open(String transport) {
        return sessions.computeIfAbsent(transport, t -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder(SESSIONS, n, AtomicInteger::get).tag("transport", t).description("open client sessions")
                    .strongReference(true).register(registry);
            return n;
        });
    }
}
