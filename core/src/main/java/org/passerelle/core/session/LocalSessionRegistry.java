package org.passerelle.core.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/** Sessions of this process, in two concurrent maps: by full JID and by account. */
public final class LocalSessionRegistry implements SessionRegistry {
    private final Map<EntityFullJid, Session> byFullJid = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, List<Session>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Session add(Session session) {
        Session replaced = byFullJid.put(session.jid(), session);
        byAccount.compute(session.bareJid(), (k, list) -> {
            List<Session> l = list == null ? new ArrayList<>(2) : new ArrayList<>(list);
            if (replaced != null) l.remove(replaced);
            l.add(session);
            return List.copyOf(l);
        });
        if (replaced == null) count.incrementAndGet();
        return replaced;
    }

    @Override
    public boolean remove(Session session) {
        boolean removed = byFullJid.remove(session.jid(), session);
        if (!removed) return false;
        count.decrementAndGet();
        byAccount.computeIfPresent(session.bareJid(), (k, list) -> {
            List<Session> l = new ArrayList<>(list);
            l.remove(session);
            return l.isEmpty() ? null : List.copyOf(l);
        });
        return true;
    }

    @Override
    public Session get(EntityFullJid jid) {
        return byFullJid.get(jid);
    }

    @Override
    public List<Session> sessions(EntityBareJid account) {
        return byAccount.getOrDefault(account, List.of());
    }

    @Override
    public Collection<Session> all() {
        return byFullJid.values();
    }

    @Override
    public int count() {
        return count.get();
    }
}
