package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.BareJid;

/**
 * XEP-0313 message archives, one per owner: an account, or later a room. Messages are ordered by
 * their id, which the store assigns from the archiving time (see {@link ArchiveIds}), so the
 * order is also the time order. Writes are durable when the call returns.
 */
public interface ArchiveStore {
    /** Archives the message (its id is ignored) and returns it with its new id and stamp. */
    ArchivedMessage append(BareJid owner, ArchivedMessage message);

    /** Archives many at once in one transaction (imports, benchmarks); the stamps order them. */
    List<ArchivedMessage> appendAll(BareJid owner, List<ArchivedMessage> messages);

    /**
     * One page of what matches the filter: at most {@code max} messages strictly between the ids
     * {@code after} and {@code before} (each null for no bound), the oldest of them, or the newest
     * when {@code fromEnd}. Ids that are not in the archive match nothing, see {@link #contains}.
     */
    ArchivePage page(BareJid owner, ArchiveFilter filter, String after, String before, boolean fromEnd, int max);

    /** How many messages match the filter (for XEP-0059 count). */
    long count(BareJid owner, ArchiveFilter filter);

    boolean contains(BareJid owner, String id);

    /** The oldest or the newest message of the archive (XEP-0313 metadata). */
    Optional<ArchivedMessage> edge(BareJid owner, boolean newest);

    /** Retention: removes messages archived before the time, in every archive; returns how many. */
    int deleteBefore(Instant cutoff);

    /** Retention: leaves at most {@code keep} newest messages in each archive; returns how many went. */
    int trim(int keep);

    void deleteAll(BareJid owner);
}
