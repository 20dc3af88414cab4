package org.passerelle.web.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;

/**
 * Logged-in console users, in memory (a restart logs everyone out): a random session id for the
 * cookie and a random CSRF token (synchronizer pattern: the console sends it back in a header
 * with every change). A session unused for the idle time is gone.
 */
final class ConsoleSessions {
    static final int MAX_SESSIONS = 1000;

    /** One console login. */
    record Entry(EntityBareJid admin, String csrf, long[] lastUsed) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConsoleSessions(long idleMillis, Clock clock) {
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    /** Opens a session; returns its id (the cookie value). */
    String open(EntityBareJid admin) {
        long now = clock.millis();
        sessions.values().removeIf(e -> idle(e, now));
        if (sessions.size() >= MAX_SESSIONS) sessions.clear(); // a flood of logins: start again rather than grow
        String id = randomToken();
        sessions.put(id, new Entry(admin, randomToken(), new long[] {now}));
        return id;
    }

    /** The live session with this id, which counts as used now. */
    Optional<Entry> find(String id) {
        Entry e = id == null ? null : sessions.get(id);
        if (e == null) return Optional.empty();
        long now = clock.millis();
        synchronized (e) {
            if (idle(e, now)) {
                sessions.remove(id, e);
                return Optional.empty();
            }
            e.lastUsed()[0] = now;
        }
        return Optional.of(e);
    }

    void close(String id) {
        sessions.remove(id);
    }

    /** Ends the console sessions of an account (deleted or disabled). */
    void closeAll(EntityBareJid admin) {
        sessions.values().removeIf(e -> e.admin().equals(admin));
    }

    private boolean idle(Entry e, long now) {
        return now - e.lastUsed()[0] >= idleMillis;
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
