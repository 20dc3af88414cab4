package org.passerelle.modules.mam;

import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.BoundedCache;
import org.passerelle.xml.Element;

/**
 * Archiving preferences kept in the key-value store, with a bounded cache: they are read for
 * each archived message, written rarely. Answers the {@code <prefs/>} IQ of XEP-0441.
 */
final class Preferences {
    private static final String KEY = "prefs";
    private static final int MAX_JIDS = 1000;
    private static final int CACHED = 10_000;

    private final KeyValueStore store;
    private final ArchivePrefs defaults;
    private final BoundedCache<EntityBareJid, ArchivePrefs> cache = new BoundedCache<>(CACHED);

    Preferences(KeyValueStore store, ArchivePrefs.Mode defaultMode) {
        this.store = store;
        this.defaults = new ArchivePrefs(defaultMode, Set.of(), Set.of());
    }

    ArchivePrefs of(EntityBareJid account) {
        ArchivePrefs cached = cache.get(account);
        if (cached != null) return cached;
        ArchivePrefs p = store.get(account, MamModule.NS, KEY).map(ArchivePrefs::decode).orElse(defaults);
        return cache.putIfAbsent(account, p); // a set that raced this read keeps its value
    }

    /** IQ get returns the preferences, set replaces them and returns what is now in force. */
    Stanza handle(Stanza iq, EntityBareJid account) throws StanzaException {
        if ("set".equals(iq.type())) {
            ArchivePrefs p = ArchivePrefs.parse(iq.element().firstElement(), MAX_JIDS);
            store.put(account, MamModule.NS, KEY, p.encode());
            cache.put(account, p);
        }
        Element prefs = of(account).toElement();
        return iq.result(prefs);
    }

    void forget(EntityBareJid account) {
        store.deleteNamespace(account, MamModule.NS);
        cache.remove(account);
    }
}
