package org.passerelle.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;

/** {@link UploadStore} in memory, for module tests; one lock for everything. */
final class MemoryUploadStore implements UploadStore {
    private final Map<String, StoredUpload> uploads = new LinkedHashMap<>();

    @Override
    public synchronized boolean reserve(StoredUpload slot, long quotaBytes, Instant now) {
        if (uploads.containsKey(slot.id()) || usedBytes(slot.owner(), now) + slot.size() > quotaBytes) return false;
        uploads.put(slot.id(), slot);
        return true;
    }

    @Override
    public synchronized Optional<StoredUpload> find(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    @Override
    public synchronized boolean markStored(String id, Instant fileExpires) {
        StoredUpload u = uploads.get(id);
        if (u == null || u.state() != StoredUpload.State.PENDING) return false;
        uploads.put(id, new StoredUpload(u.id(), u.owner(), u.fileName(), u.size(), u.contentType(), u.tokenHash(), u.created(),
                fileExpires, StoredUpload.State.STORED));
        return true;
    }

    @Override
    public synchronized long usedBytes(EntityBareJid owner, Instant now) {
        return uploads.values().stream()
                .filter(u -> u.owner().equals(owner) && (u.state() == StoredUpload.State.STORED || !u.expiredAt(now)))
                .mapToLong(StoredUpload::size).sum();
    }

    @Override
    public synchronized List<StoredUpload> expired(Instant now, int limit) {
        return uploads.values().stream().filter(u -> u.expiredAt(now)).limit(limit).toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        return uploads.remove(id) != null;
    }

    @Override
    public synchronized List<StoredUpload> deleteAll(EntityBareJid owner) {
        List<StoredUpload> gone = new ArrayList<>();
        uploads.values().removeIf(u -> u.owner().equals(owner) && gone.add(u));
        return gone;
    }
}
