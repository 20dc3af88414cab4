package org.passerelle.core.store;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/** Buddy lists with a version per owner (RFC 6121 §2.6), bumped by every change. */
public interface RosterStore {
    List<RosterItem> items(EntityBareJid owner);

    Optional<RosterItem> item(EntityBareJid owner, BareJid contact);

    /** Inserts or replaces the item; returns the owner's new roster version. */
    long put(EntityBareJid owner, RosterItem item);

    /**
     * Inserts or replaces several items of one owner at once (bulk import); the version is raised
     * once. Returns the new version (the current one for an empty list). The default puts them one by one.
     */
    default long putAll(EntityBareJid owner, List<RosterItem> items) {
        long version = version(owner);
        for (RosterItem item : items) version = put(owner, item);
        return version;
    }

    /**
     * Reads one item, applies {@code change} and writes the result (null removes the item), as one
     * atomic step: changes to the same roster from different threads or nodes never overwrite each
     * other. {@code change} must be a pure function; it may run again if the store retries. Nothing
     * is written, and the version stays, when it returns an equal item. A new item is refused when
     * the roster already holds {@code maxItems} items.
     */
    RosterChange update(EntityBareJid owner, BareJid contact, int maxItems, java.util.function.UnaryOperator<RosterItem> change);

    /** Removes the item if present; returns the owner's roster version afterwards. */
    long remove(EntityBareJid owner, BareJid contact);

    /** The owner's current roster version (0 for an empty, never changed roster). */
    long version(EntityBareJid owner);

    int count(EntityBareJid owner);

    void deleteAll(EntityBareJid owner);
}
