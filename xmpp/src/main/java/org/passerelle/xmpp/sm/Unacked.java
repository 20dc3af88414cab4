package org.passerelle.xmpp.sm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.stanza.Stanza;

/**
 * The outbound half of XEP-0198: stanzas sent but not yet acknowledged, with the running count.
 * Counts wrap at 2^32 as §4 says. Callers synchronise (the owning session does).
 */
public final class Unacked {
    private final ArrayDeque<Stanza> queue = new ArrayDeque<>();
    private long sent;
    private long acked;

    /** Records a stanza as sent. */
    public void add(Stanza stanza) {
        queue.add(stanza);
        sent = (sent + 1) & 0xFFFFFFFFL;
    }

    /**
     * Drops what the client's {@code h} acknowledges. Returns false when {@code h} acknowledges more
     * than was sent (XEP-0198 §4: the server then closes with undefined-condition... or handled-count-too-high).
     */
    public boolean ack(long h) {
        long newlyAcked = (h - acked) & 0xFFFFFFFFL;
        if (newlyAcked > queue.size()) return false;
        for (long i = 0; i < newlyAcked; i++) queue.poll();
        acked = h & 0xFFFFFFFFL;
        return true;
    }

    public int size() {
        return queue.size();
    }

    /** What is still unacknowledged, oldest first. */
    public List<Stanza> pending() {
        return new ArrayList<>(queue);
    }

    public List<Stanza> drain() {
        List<Stanza> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    public long sent() {
        return sent;
    }
}
