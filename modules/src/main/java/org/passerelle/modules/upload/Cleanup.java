package org.passerelle.modules.upload;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired (files past their lifetime, slots never used) and what a deleted
 * account left. The file goes first: a record without a file is harmless (404), a file without
 * a record would never be found again.
 */
final class Cleanup implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);
    private static final int BATCH = 500;

    private final UploadStore store;
    private final FileStorage files;
    private final Clock clock;

    Cleanup(UploadStore store, FileStorage files, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            int n = expired();
            if (files instanceof DiskFileStorage disk) disk.deleteStaleTemporaries(clock.instant(), Duration.ofHours(1));
            if (n > 0) LOG.info("upload: deleted {} expired files and slots", n);
        } catch (RuntimeException | IOException e) {
            LOG.warn("upload: clean-up failed", e);
        }
    }

    /** Deletes every record expired now with its file; returns how many. */
    int expired() throws IOException {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            List<StoredUpload> batch = store.expired(now, BATCH);
            for (StoredUpload u : batch) {
                files.delete(u.id());
                store.delete(u.id());
            }
            total += batch.size();
            if (batch.size() < BATCH) return total;
        }
    }

    void accountDeleted(EntityBareJid account) throws IOException {
        for (StoredUpload u : store.deleteAll(account)) files.delete(u.id());
    }
}
