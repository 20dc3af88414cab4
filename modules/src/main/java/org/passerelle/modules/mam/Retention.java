package org.passerelle.modules.mam;

import java.time.Clock;
import java.time.Duration;
import org.passerelle.core.store.ArchiveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The periodic clean-up: messages past the age limit, then past the count limit of each archive. */
final class Retention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ArchiveStore store;
    private final Clock clock;
    private final MamOptions options;

    Retention(ArchiveStore store, Clock clock, MamOptions options) {
        this.store = store;
        this.clock = clock;
        this.options = options;
    }

    boolean needed() {
        return options.retentionDays() > 0 || options.maxMessages() > 0;
    }

    @Override
    public void run() {
        try {
            int old = options.retentionDays() > 0 ? store.deleteBefore(clock.instant().minus(Duration.ofDays(options.retentionDays()))) : 0;
            int extra = options.maxMessages() > 0 ? store.trim(options.maxMessages()) : 0;
            if (old + extra > 0) LOG.info("archive retention removed {} messages past {} days and {} past {} per archive",
                    old, options.retentionDays(), extra, options.maxMessages());
        } catch (RuntimeException e) {
            LOG.warn("archive retention failed; it runs again in {} minutes", options.cleanupMinutes(), e);
        }
    }
}
