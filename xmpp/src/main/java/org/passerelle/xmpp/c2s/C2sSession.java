package org.passerelle.xmpp.c2s;

import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.session.AbstractSession;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.sm.Unacked;

/**
 * A client session over a TCP stream. With stream management on, what it sends is kept until
 * acknowledged and the session outlives its connection until resumed or timed out
 * ("detached": channel null). Delivery and resumption synchronise on the session so a resumed
 * client gets everything once, in order.
 */
public final class C2sSession extends AbstractSession {
    private static final StreamOutput REQUEST_ACK = new StreamOutput.StreamElement(Element.of("r", "urn:xmpp:sm:3"));

    final SerialExecutor worker;
    private final int maxUnacked;
    private Channel channel;
    private Unacked unacked;
    private String resumeId;
    private long handled;
    ScheduledFuture<?> resumeTimer;
    /** Ends a detached session; set while it waits for resumption. */
    volatile Runnable expire;
    volatile boolean ended;
    /** The server closed it (kicked, replaced, account deleted): not kept for resumption when the connection drops. */
    volatile boolean closedByServer;
    /** The transport it started on ("c2s", "websocket", "bosh"), for the sessions gauge; set once at start. */
    volatile String transport = "c2s";

    C2sSession(EntityFullJid jid, String remoteAddress, Channel channel, SerialExecutor worker, int maxUnacked) {
        super(jid, remoteAddress);
        this.channel = channel;
        this.worker = worker;
        this.maxUnacked = maxUnacked;
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public void deliver(Stanza stanza) {
        boolean overflow;
        synchronized (this) {
            if (ended) return;
            if (unacked != null) unacked.add(stanza);
            if (channel != null) {
                var out = new StreamOutput.StreamElement(stanza.element());
                if (unacked != null && unacked.size() % 8 == 0) StreamWriter.write(channel, out, REQUEST_ACK);
                else StreamWriter.write(channel, out);
            }
            overflow = unacked != null && unacked.size() > maxUnacked;
        }
        if (overflow) close("policy-violation", "too many unacknowledged stanzas");
    }

    @Override
    public void close(String condition, String text) {
        closedByServer = true;
        Channel ch;
        synchronized (this) {
            ch = channel;
        }
        if (ch != null) {
            ch.eventLoop().execute(() -> {
                if (condition != null) StreamWriter.write(ch, StreamWriter.streamError(condition, text), StreamOutput.CLOSE);
                else StreamWriter.write(ch, StreamOutput.CLOSE);
                ch.close();
            });
        } else {
            // Detached: nobody to tell; end it now instead of waiting for the resume timeout.
            Runnable e = expire;
            if (e != null) e.run();
        }
    }

    /**
     * Starts counting (XEP-0198 §4): both counts start at zero and {@code <enabled/>} is written in
     * the same critical section as deliveries, so no stanza is counted on one side only.
     */
    synchronized void enableStreamManagement(String id, Element enabledElement) {
        unacked = new Unacked();
        resumeId = id;
        handled = 0;
        if (channel != null) StreamWriter.write(channel, enabledElement);
    }

    synchronized boolean streamManagementEnabled() {
        return unacked != null;
    }

    synchronized String resumeId() {
        return resumeId;
    }

    synchronized boolean ack(long h) {
        return unacked == null || unacked.ack(h);
    }

    /** Counts a stanza from the client as handled (XEP-0198 inbound h). */
    synchronized void handled() {
        handled = (handled + 1) & 0xFFFFFFFFL;
    }

    synchronized long handledCount() {
        return handled;
    }

    @Override
    public boolean attached() {
        return channel() != null;
    }

    synchronized Channel channel() {
        return channel;
    }

    /** The connection dropped; keep the session for resumption. */
    synchronized void detach() {
        channel = null;
    }

    /** Takes a new connection, acknowledges {@code h}, and re-sends what is still unacknowledged. */
    synchronized boolean resume(Channel newChannel, long h, Element resumedElement) {
        if (unacked == null || !unacked.ack(h)) return false;
        channel = newChannel;
        // <resumed/> then each unacknowledged stanza, in order, flushed once.
        newChannel.write(new StreamOutput.StreamElement(resumedElement));
        for (Stanza s : unacked.pending()) newChannel.write(new StreamOutput.StreamElement(s.element()));
        newChannel.flush();
        return true;
    }

    /** Ends the session for good; returns the stanzas the client never acknowledged. */
    synchronized List<Stanza> end() {
        ended = true;
        channel = null;
        return unacked == null ? List.of() : unacked.drain();
    }
}
