package org.passerelle.microbench;

import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.session.AbstractSession;
import org.passerelle.core.stanza.Stanza;

/** A session that only counts what it is given, so routing is measured without any transport. */
public final class CountingSession extends AbstractSession {
    private long delivered;
    private Stanza last;

    public CountingSession(EntityFullJid jid) {
        super(jid, "127.0.0.1");
    }

    @Override
    public void deliver(Stanza stanza) {
        delivered++;
        last = stanza;
    }

    @Override
    public void close(String condition, String text) {
        throw new IllegalStateException(jid() + " closed: " + condition + " " + text);
    }

    public long delivered() {
        return delivered;
    }

    public Stanza last() {
        return last;
    }

    public void reset() {
        delivered = 0;
        last = null;
    }
}
