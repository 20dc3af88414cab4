package org.passerelle.core.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.stanza.Stanza;

/** The state every session kind shares; subclasses deliver and close. */
public abstract class AbstractSession implements Session {
    private final EntityFullJid jid;
    private final String remoteAddress;
    private final Instant startedAt = Instant.now();
    private volatile Stanza presence;
    /** Read from the presence once when it is set: routing asks for it several times per message. */
    private volatile int priority;
    private volatile boolean interested;
    private final Map<SessionKey<?>, Object> attributes = new ConcurrentHashMap<>(4);

    protected AbstractSession(EntityFullJid jid, String remoteAddress) {
        this.jid = jid;
        this.remoteAddress = remoteAddress;
    }

    @Override public EntityFullJid jid() { return jid; }

    @Override public Stanza presence() { return presence; }

    @Override
    public void setPresence(Stanza presence) {
        this.presence = presence;
        this.priority = Session.super.priority();
    }

    @Override public int priority() { return priority; }

    @Override public boolean isInterested() { return interested; }

    @Override public void setInterested(boolean interested) { this.interested = interested; }

    @SuppressWarnings("unchecked")
    @Override public <T> T get(SessionKey<T> key) { return (T) attributes.get(key); }

    @Override
    public <T> void set(SessionKey<T> key, T value) {
        if (value == null) attributes.remove(key);
        else attributes.put(key, value);
    }

    @Override public String remoteAddress() { return remoteAddress; }

    @Override public Instant startedAt() { return startedAt; }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + jid + " from " + remoteAddress + "]";
    }
}
