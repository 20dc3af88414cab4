package org.passerelle.core.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.session.AbstractSession;
import org.passerelle.core.stanza.Stanza;

/** A session that records what it is given, for module tests without sockets. */
public final class TestSession extends AbstractSession {
    private final BlockingQueue<Stanza> received = new LinkedBlockingQueue<>();
    private volatile String closedWith;
    private volatile boolean attached = true;

    public TestSession(EntityFullJid jid) {
        super(jid, "127.0.0.1");
    }

    @Override
    public void deliver(Stanza stanza) {
        received.add(stanza);
    }

    @Override
    public void close(String condition, String text) {
        closedWith = condition == null ? "closed" : condition;
    }

    /** The next stanza given to this session, waiting up to a second; fails if none comes. */
    public Stanza next() {
        try {
            Stanza s = received.poll(1, TimeUnit.SECONDS);
            if (s == null) throw new AssertionError(jid() + " received nothing");
            return s;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next stanza, or null when none arrives within the wait. */
    public Stanza poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asserts that nothing more arrives within a short wait. */
    public void assertNothingMore() throws InterruptedException {
        Stanza s = received.poll(100, TimeUnit.MILLISECONDS);
        if (s != null) throw new AssertionError(jid() + " unexpectedly received " + s);
    }

    public void clear() {
        received.clear();
    }

    /** As a client connection that dropped while the session waits for XEP-0198 resumption (false), or came back. */
    public void setAttached(boolean attached) {
        this.attached = attached;
    }

    @Override
    public boolean attached() {
        return attached;
    }

    public String closedWith() {
        return closedWith;
    }
}
