package org.passerelle.core.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.passerelle.core.stanza.Stanza;

/** IQ requests the server itself sends (e.g. a ping to a client), matched with their answers by id. */
public final class IqTracker {
    private final Map<String, CompletableFuture<Stanza>> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /** A fresh id for a server-originated IQ. */
    public String nextId() {
        return "srv-" + Long.toString(counter.incrementAndGet(), 36);
    }

    /** Registers the request's id; the future completes with the answer or a {@link TimeoutException}. */
    public CompletableFuture<Stanza> expect(String id, Duration timeout) {
        CompletableFuture<Stanza> f = new CompletableFuture<>();
        pending.put(id, f);
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(id));
    }

    /** Completes the request this answer belongs to; false if nobody was waiting for it. */
    boolean complete(Stanza answer) {
        String id = answer.id();
        CompletableFuture<Stanza> f = id == null ? null : pending.remove(id);
        if (f == null) return false;
        f.complete(answer);
        return true;
    }
}
