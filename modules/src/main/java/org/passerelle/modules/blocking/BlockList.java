package org.passerelle.modules.blocking;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.session.SessionRegistry;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.BoundedCache;
import org.passerelle.core.util.StripedLocks;

/**
 * The block lists, read through a cache: the lists of accounts with sessions stay cached (every
 * stanza to or from them is checked); those of offline accounts, checked when their contacts log
 * in, are kept in a bounded cache. Writes and cache fills of one account are serialised (locks
 * striped by account) so a cache never holds a list older than the store.
 */
final class BlockList {
    static final String NS = "urn:xmpp:blocking";

    private final KeyValueStore kv;
    private final SessionRegistry sessions;
    private static final int OFFLINE_CACHE = 10_000;

    private final Map<EntityBareJid, Set<Jid>> cache = new ConcurrentHashMap<>();
    private final BoundedCache<EntityBareJid, Set<Jid>> offline = new BoundedCache<>(OFFLINE_CACHE);
    private final StripedLocks locks = new StripedLocks(64);

    BlockList(KeyValueStore kv, SessionRegistry sessions) {
        this.kv = kv;
        this.sessions = sessions;
    }

    private Object lock(EntityBareJid owner) {
        return locks.of(owner);
    }

    private void forget(EntityBareJid owner) {
        cache.remove(owner);
        offline.remove(owner);
    }

    Set<Jid> items(EntityBareJid owner) {
        Set<Jid> cached = cache.get(owner);
        return cached != null ? cached : load(owner);
    }

    boolean blocks(EntityBareJid owner, Jid other) {
        for (Jid item : items(owner)) if (matches(item, other)) return true;
        return false;
    }

    void add(EntityBareJid owner, Collection<Jid> jids) {
        synchronized (lock(owner)) {
            for (Jid j : jids) kv.put(owner, NS, j.toString(), "");
            forget(owner);
        }
    }

    void remove(EntityBareJid owner, Collection<Jid> jids) {
        synchronized (lock(owner)) {
            for (Jid j : jids) kv.delete(owner, NS, j.toString());
            forget(owner);
        }
    }

    void clear(EntityBareJid owner) {
        synchronized (lock(owner)) {
            kv.deleteNamespace(owner, NS);
            forget(owner);
        }
    }

    /** Moves the list out of the session cache once the account has no session left. */
    void evictIfOffline(EntityBareJid owner) {
        synchronized (lock(owner)) {
            if (!sessions.sessions(owner).isEmpty()) return;
            Set<Jid> list = cache.remove(owner);
            if (list != null) offline.put(owner, list);
        }
    }

    private Set<Jid> load(EntityBareJid owner) {
        synchronized (lock(owner)) {
            Set<Jid> cached = cache.get(owner);
            if (cached == null) cached = offline.get(owner);
            if (cached != null) return cached;
            Set<Jid> result = read(owner);
            if (!sessions.sessions(owner).isEmpty()) cache.put(owner, result);
            else offline.put(owner, result);
            return result;
        }
    }

    private Set<Jid> read(EntityBareJid owner) {
        Set<Jid> items = new LinkedHashSet<>();
        for (String key : kv.all(owner, NS).keySet()) {
            try {
                items.add(Jids.parse(key));
            } catch (StanzaException e) {
                // Stored by this module from a parsed JID; unreadable only if normalisation rules changed.
            }
        }
        return Set.copyOf(items);
    }

    /** XEP-0191 §6 (the XEP-0016 rules). */
    static boolean matches(Jid item, Jid jid) {
        if (item.hasLocalpart()) {
            return item.hasResource() ? item.equals(jid) : item.equals(jid.asBareJid());
        }
        if (item.hasResource()) return item.equals(jid);
        String domain = item.getDomain().toString();
        String other = jid.getDomain().toString();
        return other.equals(domain) || other.endsWith("." + domain);
    }
}
