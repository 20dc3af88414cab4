package org.passerelle.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.charging.Charging;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;
import org.passerelle.gateway.sms.smpp.SmsEncoding;
import org.passerelle.gateway.sms.smpp.SmscConnection;
import org.passerelle.gateway.sms.smpp.SmscRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of outgoing SMS: every SMS is written to the store before it is sent, and
 * leaves it as sent (with each part's SMSC message id) or failed after {@code maxAttempts}.
 * One drain runs at a time: when something is queued, when an SMSC binds, when a text is done,
 * and every few seconds for retries. It starts texts while their SMSC's window has room; they
 * are sent concurrently (see {@link SmscConnection}), but texts to one number one after the
 * other, in queue order. A response marks a text sent; a refusal, a timeout or a lost bind
 * leaves it pending (at least once: a part the SMSC took before a later part failed goes again).
 * An SMS whose SMSC is not bound waits without counting an attempt. The text's charging record
 * is written with its {@code sent} mark, in one transaction: a text is charged once, when sent.
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;
    private static final long TICK_MILLIS = 2000;
    /** How long a text whose outcome could not be stored waits before it is sent again. */
    private static final Duration HOLD = Duration.ofSeconds(30);

    private final SmsStore store;
    private final SmscRoutes routes;
    private final Charging charging;
    private final Clock clock;
    private final ExecutorService workers;
    private final SmsOptions options;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Texts being sent (id to number); an entry leaves only after the store knows the outcome. */
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    /** Texts left pending by a store failure: not sent again at once, so a failing database does not make a loop of SMS. */
    private final Map<Long, Instant> held = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> tick;
    private volatile boolean closed;

    Outbox(SmsStore store, SmscRoutes routes, Charging charging, Clock clock, ExecutorService workers, ScheduledExecutorService scheduler,
           SmsOptions options) {
        this.store = store;
        this.routes = routes;
        this.charging = charging;
        this.clock = clock;
        this.workers = workers;
        this.options = options;
        this.tick = scheduler.scheduleWithFixedDelay(this::kick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Queues an SMS (durably) and starts sending it. */
    SmsOutgoing send(SmsOutgoing sms) {
        SmsOutgoing queued = store.enqueue(sms);
        kick();
        return queued;
    }

    /** Asks for a drain on a worker; if one is running it goes round once more. */
    void kick() {
        if (closed) return;
        again.set(true);
        if (draining.compareAndSet(false, true)) workers.execute(this::drain);
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                // Read before the store: a text that finishes meanwhile has its outcome stored before it leaves inFlight.
                Map<Long, String> sending = Map.copyOf(inFlight);
                int limit = BATCH + sending.size();
                List<SmsOutgoing> due = store.due(clock.instant(), limit);
                Set<String> waiting = new HashSet<>(sending.values());
                boolean started = false;
                for (SmsOutgoing sms : due) {
                    if (sending.containsKey(sms.id()) || !waiting.add(sms.phone())) continue; // after the number's earlier text
                    if (held(sms.id())) continue; // and the number's later texts wait behind it
                    started |= start(sms);
                }
                if (due.size() == limit && started) again.set(true);
            }
        } catch (RuntimeException e) {
            LOG.error("SMS outbox drain failed", e);
        } finally {
            draining.set(false);
            if (again.get()) kick();
        }
    }

    /** Starts sending one text; false when it cannot go now (no SMSC bound for it, or its window is full). */
    private boolean start(SmsOutgoing sms) {
        Optional<SmscConnection> smsc = routes.route(sms.phone());
        if (smsc.isEmpty()) return false; // waits for a bind, no attempt counted
        SmsEncoding.Encoded encoded;
        try {
            encoded = SmsEncoding.encode(sms.text(), options.maxParts(), (int) (sms.id() & 0xFF));
        } catch (SmsEncoding.TooLongException e) {
            LOG.warn("SMS {} to {} not sent: {}", sms.id(), sms.phone(), e.getMessage());
            store.markFailed(sms.id());
            return false;
        }
        inFlight.put(sms.id(), sms.phone());
        Optional<CompletableFuture<List<String>>> sending = smsc.get().trySubmit(sms.phone(), encoded);
        if (sending.isEmpty()) {
            inFlight.remove(sms.id());
            return false; // the window is full: a text that finishes kicks the next drain
        }
        sending.get().whenComplete((ids, error) -> finish(sms, smsc.get(), ids, error));
        return true;
    }

    private void finish(SmsOutgoing sms, SmscConnection smsc, List<String> ids, Throwable error) {
        try {
            if (error == null) {
                store.markSent(sms.id(), ids,
                        charging.price(new Chargeable(clock.instant(), sms.account(), sms.phone(), "sms", "out", "segment", ids.size())));
            } else {
                failed(sms, smsc, error);
            }
        } catch (RuntimeException e) {
            LOG.error("SMS {} to {}: outcome not stored, it stays pending (sent again in {})", sms.id(), sms.phone(), HOLD, e);
            held.put(sms.id(), clock.instant().plus(HOLD));
        } finally {
            inFlight.remove(sms.id());
            kick();
        }
    }

    private boolean held(long id) {
        Instant until = held.get(id);
        if (until == null) return false;
        if (clock.instant().isBefore(until)) return true;
        held.remove(id);
        return false;
    }

    private void failed(SmsOutgoing sms, SmscConnection smsc, Throwable e) {
        if (e instanceof SmscConnection.NotBoundException || !smsc.bound()) {
            LOG.info("SMS {} to {} waits: SMSC {} went away ({})", sms.id(), sms.phone(), smsc.name(), e.getMessage());
            return; // not the message's fault: it goes when an SMSC is bound again
        }
        if (sms.attempts() + 1 >= options.maxAttempts()) {
            LOG.warn("SMS {} to {} failed after {} attempts: {}", sms.id(), sms.phone(), sms.attempts() + 1, e.getMessage());
            store.markFailed(sms.id());
        } else {
            Duration wait = Duration.ofSeconds(Math.min(300, 1L << Math.min(8, sms.attempts())));
            LOG.info("SMS {} to {} not sent ({}), retry in {}", sms.id(), sms.phone(), e.getMessage(), wait);
            store.retryLater(sms.id(), clock.instant().plus(wait));
        }
    }

    @Override
    public void close() {
        closed = true;
        tick.cancel(false);
    }
}
