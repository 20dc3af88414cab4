package org.passerelle.modules.presence;

import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.BoundedCache;
import org.passerelle.core.util.StripedLocks;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlWriter;

/**
 * Each account's last unavailable presence (status and delay), kept in the key-value store so that
 * probes answered while the account is offline (RFC 6121 §4.3.2) survive restarts and memory does
 * not grow with the number of accounts. A login probes every contact, so the parsed presences
 * of recently probed accounts stay in a bounded cache.
 */
final class LastUnavailable {
    private static final String NAMESPACE = "urn:passerelle:presence";
    private static final String KEY = "last-unavailable";
    /** The cached "nothing stored" (the cache holds no nulls). */
    private static final Optional<Element> NONE = Optional.empty();

    private final KeyValueStore store;
    private final BoundedCache<EntityBareJid, Optional<Element>> cache;
    private final StripedLocks locks = new StripedLocks(64);

    LastUnavailable(KeyValueStore store, int cacheSize) {
        this.store = store;
        this.cache = new BoundedCache<>(cacheSize);
    }

    void save(EntityBareJid account, Stanza presence) {
        synchronized (locks.of(account)) {
            store.put(account, NAMESPACE, KEY, XmlWriter.toXml(presence.element()));
            cache.put(account, Optional.of(presence.element()));
        }
    }

    /** The stored presence element, or null when none was kept (or it cannot be read back). */
    Element load(EntityBareJid account) {
        Optional<Element> cached = cache.get(account);
        if (cached != null) return cached.orElse(null);
        synchronized (locks.of(account)) { // a save between our read and our fill must win
            cached = cache.get(account);
            if (cached == null) {
                cached = read(account);
                cache.put(account, cached);
            }
            return cached.orElse(null);
        }
    }

    private Optional<Element> read(EntityBareJid account) {
        Optional<String> xml = store.get(account, NAMESPACE, KEY);
        if (xml.isEmpty()) return NONE;
        try {
            return Optional.of(XmlFragment.parse(xml.get(), XmlLimits.DEFAULT));
        } catch (XmlStreamException e) {
            return NONE;
        }
    }

    void delete(EntityBareJid account) {
        synchronized (locks.of(account)) {
            store.deleteNamespace(account, NAMESPACE);
            cache.remove(account);
        }
    }
}
