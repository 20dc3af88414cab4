package org.passerelle.modules.presence;

import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlWriter;

/**
 * Each account's last unavailable presence (status and delay), kept in the key-value store so that
 * probes answered while the account is offline (RFC 6121 §4.3.2) survive restarts and memory does
 * not grow with the number of accounts.
 */
final class LastUnavailable {
    private static final String NAMESPACE = "urn:passerelle:presence";
    private static final String KEY = "last-unavailable";

    private final KeyValueStore store;

    LastUnavailable(KeyValueStore store) {
        this.store = store;
    }

    void save(EntityBareJid account, Stanza presence) {
        store.put(account, NAMESPACE, KEY, XmlWriter.toXml(presence.element()));
    }

    /** The stored presence element, or null when none was kept (or it cannot be read back). */
    Element load(EntityBareJid account) {
        Optional<String> xml = store.get(account, NAMESPACE, KEY);
        if (xml.isEmpty()) return null;
        try {
            return XmlFragment.parse(xml.get(), XmlLimits.DEFAULT);
        } catch (XmlStreamException e) {
            return null;
        }
    }

    void delete(EntityBareJid account) {
        store.deleteNamespace(account, NAMESPACE);
    }
}
