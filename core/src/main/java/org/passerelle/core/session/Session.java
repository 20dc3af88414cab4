package org.passerelle.core.session;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Stanza;

/**
 * Something that receives stanzas for one full JID. Delivery never blocks the caller and keeps the
 * order in which one caller delivers.
 */
public interface Session {
    EntityFullJid jid();

    default EntityBareJid bareJid() {
        return jid().asEntityBareJid();
    }

    /** Sends the stanza to the client (or queues it, for a session waiting to be resumed). */
    void deliver(Stanza stanza);

    /** Ends the session with a stream error condition (e.g. {@code conflict}), or null for a plain close. */
    void close(String streamErrorCondition, String text);

    /** The last available presence broadcast by this session; null before initial presence or after unavailable. */
    Stanza presence();

    void setPresence(Stanza presence);

    /** RFC 6121: a session is "available" between its initial presence and its unavailable presence. */
    default boolean isAvailable() {
        return presence() != null;
    }

    /** The priority of the current presence, 0 when none is set. */
    default int priority() {
        Stanza p = presence();
        if (p == null) return 0;
        String prio = p.element().childText("priority", p.element().namespace());
        if (prio == null) return 0;
        try {
            return Math.max(-128, Math.min(127, Integer.parseInt(prio.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RFC 6121 §2.1.6: a session that has asked for its roster gets roster pushes. */
    boolean isInterested();

    void setInterested(boolean interested);

    <T> T get(SessionKey<T> key);

    <T> void set(SessionKey<T> key, T value);

    /** Where the client connects from, for logs and rate limits (an IP address, or a gateway's name). */
    String remoteAddress();

    Instant startedAt();

    /**
     * Whether the client's connection is there. A session kept for XEP-0198 resumption after its
     * connection dropped is not: what it is given waits for the client to come back.
     */
    default boolean attached() {
        return true;
    }

    /** How the client is connected ({@code c2s}, {@code websocket}, {@code bosh}), for operators and metrics. */
    default String transport() {
        return "other";
    }
}
