package org.passerelle.core.store;

import java.util.Collection;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;

/** XEP-0160 offline messages. Writes are durable when the call returns. */
public interface OfflineStore {
    /** Stores the message unless the owner already has {@code quota} messages; false when full. */
    boolean store(EntityBareJid owner, OfflineMessage message, int quota);

    /** The owner's messages, oldest first. */
    List<OfflineMessage> list(EntityBareJid owner);

    void delete(EntityBareJid owner, Collection<Long> ids);

    int count(EntityBareJid owner);

    /** Messages waiting for every owner together (the operator's offline queue size). */
    long total();

    void deleteAll(EntityBareJid owner);
}
