package org.passerelle.xmpp.sm;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions that a client may resume, by their XEP-0198 resumption id. */
public final class ResumableSessions<S> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, S> byId = new ConcurrentHashMap<>();

    /** Registers the session under a fresh unguessable id and returns it. */
    public String add(S session) {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        byId.put(id, session);
        return id;
    }

    public S get(String id) {
        return id == null ? null : byId.get(id);
    }

    public void remove(String id, S session) {
        if (id != null) byId.remove(id, session);
    }

    public int size() {
        return byId.size();
    }
}
