package org.passerelle.core.store;

import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * Small per-account data by shape, not by feature (vCard, last activity, block list, private
 * XML): an owner, a namespace chosen by the module, a key and a string value.
 */
public interface KeyValueStore {
    Optional<String> get(EntityBareJid owner, String namespace, String key);

    void put(EntityBareJid owner, String namespace, String key, String value);

    boolean delete(EntityBareJid owner, String namespace, String key);

    /** Every key of the owner in this namespace, in key order. */
    Map<String, String> all(EntityBareJid owner, String namespace);

    /** Removes the whole namespace for the owner. */
    void deleteNamespace(EntityBareJid owner, String namespace);

    /** Removes everything of the owner in every namespace. */
    void deleteAll(EntityBareJid owner);
}
