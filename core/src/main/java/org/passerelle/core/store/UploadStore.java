package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * The records of XEP-0363 uploads (the bytes are in a file storage, keyed by the slot id).
 * A user's quota counts stored files and pending slots not yet expired.
 */
public interface UploadStore {
    /**
     * Saves a new pending slot if the owner's stored and live pending bytes plus its size stay
     * within {@code quotaBytes}; returns false (nothing saved) when they would not.
     */
    boolean reserve(StoredUpload slot, long quotaBytes, Instant now);

    Optional<StoredUpload> find(String id);

    /**
     * Marks a pending slot as stored, with the file's deletion time (null: never); returns false
     * when the slot is not pending any more (another upload used it, or it was deleted).
     */
    boolean markStored(String id, Instant fileExpires);

    /** Bytes the owner holds: stored files and pending slots that expire after {@code now}. */
    long usedBytes(EntityBareJid owner, Instant now);

    /** Up to {@code limit} records (pending or stored) whose expiry is at or before {@code now}. */
    List<StoredUpload> expired(Instant now, int limit);

    boolean delete(String id);

    /** Removes every record of the owner and returns them, so their files can be deleted. */
    List<StoredUpload> deleteAll(EntityBareJid owner);
}
