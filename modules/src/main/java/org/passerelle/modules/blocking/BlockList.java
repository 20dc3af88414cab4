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

/**
 * The block lists, read through a cache of the accounts that have sessions (every stanza to or
 * from them is checked). Writes and cache fills are serialised so the cache never holds a list
 * older than the store.
 */
final class BlockList {
    static final String NS = "urn:xmpp:blocking";

    private final KeyValueStore kv;
    private final SessionRegistry sessions;
    private final Map<EntityBareJid, Set<Jid>> cache = new ConcurrentHashMap<>();

    BlockList(KeyValueStore kv, SessionRegistry sessions) {
        this.kv = kv;
        this.sessions = sessions;
    }

    Set<Jid> items(EntityBareJid owner) {
        Set<Jid> cached = cache.get(owner);
        return cached != null ? cached : load(owner);
    }

    boolean blocks(EntityBareJid owner, Jid other) {
        for (Jid item : items(owner)) if (matches(item, other)) return true;
        return false;
    }

    synchronized void add(EntityBareJid owner, Collection<Jid> jids) {
        for (Jid j : jids) kv.put(owner, NS, j.toString(), "");
        cache.remove(owner);
    }

    synchronized void remove(EntityBareJid owner, Collection<Jid> jids) {
        for (Jid j : jids) kv.delete(owner, NS, j.toString());
        cache.remove(owner);
    }

    synchronized void clear(EntityBareJid owner) {
        kv.deleteNamespace(owner, NS);
        cache.remove(owner);
    }

    /** Forgets the cached list once the account has no session left. */
    synchronized void evictIfOffline(EntityBareJid owner) {
        if (sessions.sessions(owner).isEmpty()) cache.remove(owner);
    }

    private synchronized Set<Jid> load(EntityBareJid owner) {
        Set<Jid> cached = cache.get(owner);
        if (cached != null) return cached;
        Set<Jid> items = new LinkedHashSet<>();
        for (String key : kv.all(owner, NS).keySet()) {
            try {
                items.add(Jids.parse(key));
            } catch (StanzaException e) {
                // Stored by this module from a parsed JID; unreadable only if normalisation rules changed.
            }
        }
        Set<Jid> result = Set.copyOf(items);
        if (!sessions.sessions(owner).isEmpty()) cache.put(owner, result);
        return result;
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
