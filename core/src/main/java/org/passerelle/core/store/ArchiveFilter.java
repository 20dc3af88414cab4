package org.passerelle.core.store;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.Jid;

/**
 * Which messages of an archive a query is about (XEP-0313 §4.1); every part is optional (null).
 *
 * @param with     a bare JID matches the peer with any resource, a full JID only that resource
 * @param start    at or after this time
 * @param end      at or before this time
 * @param afterId  strictly after this message (XEP-0313 {@code after-id})
 * @param beforeId strictly before this message ({@code before-id})
 * @param ids      only these messages ({@code ids}); empty for no such restriction
 */
public record ArchiveFilter(Jid with, Instant start, Instant end, String afterId, String beforeId, List<String> ids) {
    public static final ArchiveFilter ALL = new ArchiveFilter(null, null, null, null, null, List.of());

    public ArchiveFilter {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static ArchiveFilter with(Jid with) {
        return new ArchiveFilter(with, null, null, null, null, List.of());
    }
}
