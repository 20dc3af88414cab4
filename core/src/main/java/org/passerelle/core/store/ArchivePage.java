package org.passerelle.core.store;

import java.util.List;

/**
 * One page of a query, always oldest first.
 *
 * @param complete true when nothing more matches beyond this page in the direction of paging
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete) {
    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
