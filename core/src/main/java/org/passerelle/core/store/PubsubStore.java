package org.passerelle.core.store;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * Personal eventing (XEP-0163) nodes of accounts and their items. Every write is one
 * transaction: a publish replaces an item with the same id and trims the node to its
 * {@code maxItems} in the same step, so a node never holds more.
 */
public interface PubsubStore {
    Optional<PubsubNode> node(EntityBareJid owner, String name);

    /** The owner's nodes, by name. */
    List<PubsubNode> nodes(EntityBareJid owner);

    /** Creates the node unless it exists or the owner already has {@code maxNodes}; false then. */
    boolean create(PubsubNode node, int maxNodes);

    /** Changes an existing node's configuration and trims its items to the new maximum (none when not persistent); false when absent. */
    boolean configure(PubsubNode node);

    /** Deletes the node and its items; false when absent. */
    boolean delete(EntityBareJid owner, String name);

    /** Stores the item, replacing one with the same id, and keeps only the newest {@code maxItems}. */
    void publish(EntityBareJid owner, String name, PubsubItem item, int maxItems);

    /** Removes one item; false when it was not there. */
    boolean retract(EntityBareJid owner, String name, String itemId);

    /** The newest {@code max} items of the node, newest first. */
    List<PubsubItem> items(EntityBareJid owner, String name, int max);

    Optional<PubsubItem> item(EntityBareJid owner, String name, String itemId);

    /** Removes every node and item of the owner (account deleted). */
    void deleteAll(EntityBareJid owner);
}
