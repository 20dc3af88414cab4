package org.passerelle.core.store;

import java.util.Collection;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;

/** XEP-0160 offline messages. Writes are durable when the call returns. */
public interface OfflineStore {
    /** Stores the message unless the owner already has {@code quota} messages; false when full. */
    default boolean store(EntityBareJid owner, OfflineMessage message, int quota) {
        return store(owner, message, quota, List.of());
    }

    /**
     * As above, and writes the charging records the message owes in the same transaction: both
     * are kept or neither (a full store keeps no record either).
     */
    boolean store(EntityBareJid owner, OfflineMessage message, int quota, List<ChargingRecord> charges);

    /** The owner's messages, oldest first. */
    List<OfflineMessage> list(EntityBareJid owner);

    void delete(EntityBareJid owner, Collection<Long> ids);

    int count(EntityBareJid owner);

    /** Messages waiting for every owner together (the operator's offline queue size). */
    long total();

    void deleteAll(EntityBareJid owner);
}
