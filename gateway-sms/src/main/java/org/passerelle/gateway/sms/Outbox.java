package org.passerelle.gateway.sms;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passerelle.core.event.Chargeable;
import org.passerelle.core.event.EventBus;
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
 * One drain runs at a time: when something is queued, when an SMSC binds, and every few seconds
 * for retries. An SMS whose SMSC is not bound waits without counting an attempt.
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;
    private static final long TICK_MILLIS = 2000;

    private final SmsStore store;
    private final SmscRoutes routes;
    private final EventBus events;
    private final Clock clock;
    private final ExecutorService workers;
    private final SmsOptions options;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final java.util.concurrent.ScheduledFuture<?> tick;

    Outbox(SmsStore store, SmscRoutes routes, EventBus events, Clock clock, ExecutorService workers, ScheduledExecutorService scheduler,
           SmsOptions options) {
        this.store = store;
        this.routes = routes;
        this.events = events;
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
        again.set(true);
        if (draining.compareAndSet(false, true)) workers.execute(this::drain);
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                List<SmsOutgoing> due = store.due(clock.instant(), BATCH);
                for (SmsOutgoing sms : due) sendOne(sms);
                if (due.size() == BATCH) again.set(true);
            }
        } catch (RuntimeException e) {
            LOG.error("SMS outbox drain failed", e);
        } finally {
            draining.set(false);
            if (again.get()) kick();
        }
    }

    private void sendOne(SmsOutgoing sms) {
        Optional<SmscConnection> smsc = routes.route(sms.phone());
        if (smsc.isEmpty()) return; // waits for a bind, no attempt counted
        SmsEncoding.Encoded encoded;
        try {
            encoded = SmsEncoding.encode(sms.text(), options.maxParts(), (int) (sms.id() & 0xFF));
        } catch (SmsEncoding.TooLongException e) {
            LOG.warn("SMS {} to {} not sent: {}", sms.id(), sms.phone(), e.getMessage());
            store.markFailed(sms.id());
            return;
        }
        try {
            List<String> ids = smsc.get().submit(sms.phone(), encoded);
            if (store.markSent(sms.id(), ids)) {
                events.publish(new Chargeable(clock.instant(), sms.account(), sms.phone(), "sms", "out", "segment", ids.size()));
            }
        } catch (IOException e) {
            if (!smsc.get().bound()) {
                LOG.info("SMS {} to {} waits: SMSC {} went away ({})", sms.id(), sms.phone(), smsc.get().name(), e.getMessage());
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
    }

    @Override
    public void close() {
        tick.cancel(false);
    }
}
