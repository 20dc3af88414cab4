package org.passerelle.modules.mam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;
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
    private final Map<EntityBareJid, ArchivePrefs> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EntityBareJid, ArchivePrefs> eldest) {
            return size() > CACHED;
        }
    };

    Preferences(KeyValueStore store, ArchivePrefs.Mode defaultMode) {
        this.store = store;
        this.defaults = new ArchivePrefs(defaultMode, Set.of(), Set.of());
    }

    ArchivePrefs of(EntityBareJid account) {
        synchronized (cache) {
            ArchivePrefs p = cache.get(account);
            if (p != null) return p;
        }
        ArchivePrefs p = store.get(account, MamModule.NS, KEY).map(ArchivePrefs::decode).orElse(defaults);
        synchronized (cache) {
            // A set that raced this read keeps its value.
            ArchivePrefs raced = cache.putIfAbsent(account, p);
            return raced != null ? raced : p;
        }
    }

    /** IQ get returns the preferences, set replaces them and returns what is now in force. */
    Stanza handle(Stanza iq, EntityBareJid account) throws StanzaException {
        if ("set".equals(iq.type())) {
            ArchivePrefs p = ArchivePrefs.parse(iq.element().firstElement(), MAX_JIDS);
            store.put(account, MamModule.NS, KEY, p.encode());
            synchronized (cache) {
                cache.put(account, p);
            }
        }
        Element prefs = of(account).toElement();
        return iq.result(prefs);
    }

    void forget(EntityBareJid account) {
        store.deleteNamespace(account, MamModule.NS);
        synchronized (cache) {
            cache.remove(account);
        }
    }
}
