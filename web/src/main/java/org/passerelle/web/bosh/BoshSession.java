package org.passerelle.web.bosh;

import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.c2s.StreamEvent;
import org.passerelle.xmpp.c2s.StreamOutput;
import org.passerelle.xmpp.metering.DataMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One BOSH session (XEP-0124): requests taken in {@code rid} order within a window of
 * {@code requests}, up to {@code hold} of them held until the stream has something to say or
 * {@code wait} runs out, the last answers kept to be sent again when a client repeats a
 * {@code rid} (§14.3), and the end of the session after {@code inactivity} seconds with no request
 * held. Behind it runs the ordinary client stream handler on a {@link BoshChannel}.
 *
 * <p>Everything here runs on the session's event loop; other threads enter through {@link #loop()}.
 */
final class BoshSession {
    private static final Logger LOG = LoggerFactory.getLogger(BoshSession.class);

    private record Waiting(BoshExchange exchange, Element body) {
    }

    /** A request being held; a client that repeats its rid takes it over on its new connection. */
    private static final class Held {
        final long rid;
        BoshExchange exchange;
        final ScheduledFuture<?> timer;

        Held(long rid, BoshExchange exchange, ScheduledFuture<?> timer) {
            this.rid = rid;
            this.exchange = exchange;
            this.timer = timer;
        }
    }

    private final String sid;
    /** The client's IP address, counted against bosh.loginsPerAddress until SASL succeeds. */
    private final String address;
    private boolean loginPending = true;
    private final BoshSessions sessions;
    private final EventLoop loop;
    private final BoshTerms terms;
    private final BoshChannel stream;
    /** Data volume for billing (the bodies of requests and answers), or null when data is not billed. */
    private final DataMeter meter;
    private final long firstRid;
    private long lastRid;
    private String streamId;
    private final TreeMap<Long, Waiting> early = new TreeMap<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>(2);
    private final Map<Long, String> answers;
    private final List<Element> pending = new ArrayList<>();
    private boolean flushScheduled;
    private ScheduledFuture<?> idleTimer;
    /** Set once the session is over: every later request gets it. */
    private String finalBody;

    BoshSession(String sid, BoshSessions sessions, EventLoop loop, SocketAddress client, String address,
                ChannelHandler streamHandler, BoshTerms terms, long firstRid, DataMeter meter) {
        this.sid = sid;
        this.address = address;
        this.sessions = sessions;
        this.loop = loop;
        this.terms = terms;
        this.firstRid = firstRid;
        this.lastRid = firstRid;
        this.meter = meter;
        this.answers = new LinkedHashMap<>(4, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > terms.requests();
            }
        };
        this.stream = new BoshChannel(client, this::output, this::streamEnded);
        stream.pipeline().addLast("stream", streamHandler);
        if (meter != null) meter.start(stream, loop);
        loop.register(stream);
    }

    String sid() {
        return sid;
    }

    EventLoop loop() {
        return loop;
    }

    /** The creation request: opens the stream, whose features answer it. */
    void start(BoshExchange x) {
        counted(x);
        holdRequest(firstRid, x);
        fire(new StreamEvent.Opened(terms.streamHeader()));
        afterRequest();
    }

    /** A request naming this session. */
    void request(BoshExchange x, Element body) {
        counted(x);
        if (finalBody != null) {
            send(x, finalBody);
            return;
        }
        long rid = BoshBody.number(body, "rid");
        if (rid < 0) {
            fail(x, "bad-request", "no rid");
        } else if (rid <= lastRid) {
            repeated(x, rid);
        } else if (rid > lastRid + terms.requests()) {
            fail(x, "item-not-found", "rid " + rid + " is beyond the window after " + lastRid);
        } else {
            Waiting before = early.put(rid, new Waiting(x, body));
            if (before != null) before.exchange().abandon();
            cancelIdle();
            Waiting next;
            while (finalBody == null && (next = early.remove(lastRid + 1)) != null) process(lastRid + 1, next);
            // Requests still waiting for a missing rid hold nothing: the session may go idle meanwhile.
            if (held.isEmpty()) startIdle();
        }
    }

    /** A body that could not be read named this session: it ends as a TCP stream would. */
    void unreadable(BoshExchange x, String condition, String reason) {
        counted(x);
        if (finalBody != null) {
            send(x, finalBody);
        } else if ("not-well-formed".equals(condition) || "bad-format".equals(condition)) {
            fail(x, "bad-request", reason);
        } else {
            holdRequest(-1, x);
            fire(new StreamEvent.Broken(condition, reason));
        }
    }

    private void process(long rid, Waiting r) {
        lastRid = rid;
        Element body = r.body();
        holdRequest(rid, r.exchange());
        if ("true".equals(BoshBody.xbosh(body, "restart"))) fire(new StreamEvent.Opened(terms.streamHeader()));
        for (Element e : BoshBody.payload(body)) fire(new StreamEvent.Received(e));
        if ("terminate".equals(body.attr("type"))) fire(new StreamEvent.Closed());
        afterRequest();
    }

    private void holdRequest(long rid, BoshExchange x) {
        ScheduledFuture<?> timer = rid < 0 ? null : loop.schedule(() -> expire(rid), terms.waitSeconds(), TimeUnit.SECONDS);
        held.add(new Held(rid, x, timer));
    }

    /** XEP-0124 §10: beyond {@code hold} requests, the oldest goes back now, with whatever there is. */
    private void afterRequest() {
        if (finalBody != null) return;
        while (held.size() > terms.hold()) answer(held.poll());
        if (!pending.isEmpty()) scheduleFlush();
    }

    private void expire(long rid) {
        for (Held h : held) {
            if (h.rid == rid) {
                held.remove(h);
                answer(h);
                return;
            }
        }
    }

    /** §14.3: the client lost an answer and asks again; or it repeats a request still held. */
    private void repeated(BoshExchange x, long rid) {
        String text = answers.get(rid);
        if (text != null) {
            send(x, text);
            return;
        }
        for (Held h : held) {
            if (h.rid == rid) {
                h.exchange.abandon();
                h.exchange = x;
                if (!pending.isEmpty()) scheduleFlush();
                return;
            }
        }
        fail(x, "item-not-found", "rid " + rid + " is no longer known");
    }

    /**
     * Answers with everything pending; a request whose client has gone gets an empty answer
     * (kept, should the client repeat its rid) and the output waits for a request someone reads.
     */
    private void answer(Held h) {
        if (h.timer != null) h.timer.cancel(false);
        List<Element> payload = List.of();
        if (!h.exchange.gone()) {
            payload = List.copyOf(pending);
            pending.clear();
        }
        String text = h.rid == firstRid ? BoshResponse.close(terms.creationAnswer(sid, streamId), payload)
                : BoshResponse.close(BoshResponse.open(), payload);
        if (h.rid >= 0) answers.put(h.rid, text);
        send(h.exchange, text);
        if (held.isEmpty()) startIdle();
    }

    /** What the stream handler wrote: its stream id (XEP-0206 {@code authid}) and the elements for the next answers. */
    private void output(StreamOutput msg) {
        switch (msg) {
            case StreamOutput.StreamOpen o -> streamId = o.id();
            case StreamOutput.StreamElement e -> element(e.element());
            case StreamOutput.StreamClose c -> {
                // The handler closes the channel right after; the session learns the end from that.
            }
        }
    }

    private void element(Element e) {
        if (e.is("success", Namespaces.SASL)) loginOver();
        pending.add(e);
        scheduleFlush();
    }

    /** Output written in one go (a header and features, several stanzas) goes out in one answer. */
    private void scheduleFlush() {
        if (flushScheduled) return;
        flushScheduled = true;
        loop.execute(() -> {
            flushScheduled = false;
            if (finalBody != null || pending.isEmpty()) return;
            for (Held h : held) {
                if (!h.exchange.gone()) {
                    held.remove(h);
                    answer(h);
                    return;
                }
            }
        });
    }

    /** A terminal binding error (§17.2) from the BOSH layer: the stream ends as if the connection dropped. */
    private void fail(BoshExchange x, String condition, String reason) {
        LOG.info("BOSH session {} terminated: {} ({})", sid, condition, reason);
        if (finalBody == null) finalBody = BoshResponse.terminate(condition, List.of());
        send(x, finalBody);
        stream.close();
    }

    /**
     * The stream is over (the client's terminate, a stream error, a timeout, inactivity): every
     * waiting request gets the end, with a stream error as {@code remote-stream-error} (XEP-0206).
     */
    private void streamEnded() {
        cancelIdle();
        loginOver();
        if (finalBody == null) {
            boolean error = pending.stream().anyMatch(e -> e.is("error", Namespaces.STREAMS));
            finalBody = BoshResponse.terminate(error ? "remote-stream-error" : null, pending);
            pending.clear();
        }
        for (Held h : held) {
            if (h.timer != null) h.timer.cancel(false);
            send(h.exchange, finalBody);
        }
        held.clear();
        for (Waiting w : early.values()) send(w.exchange(), finalBody);
        early.clear();
        if (meter != null) meter.end();
        // Kept a while, so that a client that missed the end still learns why.
        loop.schedule(() -> sessions.remove(this), terms.inactivity(), TimeUnit.SECONDS);
    }

    private void loginOver() {
        if (!loginPending) return;
        loginPending = false;
        sessions.loginOver(address);
    }

    private void startIdle() {
        cancelIdle();
        if (finalBody == null) idleTimer = loop.schedule(this::inactive, terms.inactivity(), TimeUnit.SECONDS);
    }

    private void cancelIdle() {
        if (idleTimer != null) idleTimer.cancel(false);
        idleTimer = null;
    }

    private void inactive() {
        if (!held.isEmpty() || finalBody != null) return;
        LOG.info("BOSH session {} inactive for {} s: closing its stream", sid, terms.inactivity());
        stream.close();
    }

    /** The request's body is data the user sent. */
    private void counted(BoshExchange x) {
        if (meter != null) meter.received(x.requestBytes());
    }

    /** An answer's body is data the user receives. */
    private void send(BoshExchange x, String body) {
        int size = x.send(body);
        if (meter != null) meter.sent(size);
    }

    private void fire(StreamEvent event) {
        if (stream.isOpen()) stream.pipeline().fireChannelRead(event);
    }
}
