package org.passerelle.modules.push;

import java.util.List;
import java.util.function.Predicate;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.BoundedCache;
import org.passerelle.core.util.StripedLocks;

/**
 * The accounts' app server registrations, durable in the key-value store (namespace
 * {@code urn:xmpp:push:0}, one key per jid and node) and read through a bounded cache: they are
 * read for every message to an away account, written when a client enables or disables push.
 * Writes and cache fills of one account are serialised, so the cache never holds an older list.
 */
final class Registrations {
    private static final int CACHED = 10_000;

    private final KeyValueStore store;
    private final int maxPerAccount;
    private final BoundedCache<EntityBareJid, List<Registration>> cache = new BoundedCache<>(CACHED);
    private final StripedLocks locks = new StripedLocks(64);

    Registrations(KeyValueStore store, int maxPerAccount) {
        this.store = store;
        this.maxPerAccount = maxPerAccount;
    }

    List<Registration> of(EntityBareJid account) {
        List<Registration> cached = cache.get(account);
        if (cached != null) return cached;
        synchronized (locks.of(account)) {
            List<Registration> list = store.all(account, PushModule.NS).values().stream().map(Registration::decode).toList();
            cache.put(account, list);
            return list;
        }
    }

    /** Adds or replaces (same jid and node) a registration. */
    void add(EntityBareJid account, Registration r) throws StanzaException {
        synchronized (locks.of(account)) {
            List<Registration> current = of(account);
            boolean replaces = current.stream().anyMatch(c -> c.key().equals(r.key()));
            if (!replaces && current.size() >= maxPerAccount) {
                throw new StanzaException("resource-constraint", "at most " + maxPerAccount + " push registrations per account");
            }
            store.put(account, PushModule.NS, r.key(), r.encode());
            cache.remove(account);
        }
    }

    /** Removes the registrations that match; returns how many. */
    int remove(EntityBareJid account, Predicate<Registration> which) {
        synchronized (locks.of(account)) {
            int removed = 0;
            for (Registration r : of(account)) {
                if (which.test(r) && store.delete(account, PushModule.NS, r.key())) removed++;
            }
            cache.remove(account);
            return removed;
        }
    }

    void forget(EntityBareJid account) {
        synchronized (locks.of(account)) {
            store.deleteNamespace(account, PushModule.NS);
            cache.remove(account);
        }
    }
}
