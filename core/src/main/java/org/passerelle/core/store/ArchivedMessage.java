package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.Jid;
import org.passerelle.xml.Element;

/**
 * One message in an archive: its archive id (see {@link ArchiveIds}), when it was archived, the
 * peer as addressed (a full or bare JID), whether the owner sent it, and the stanza.
 *
 * @param id null when handed to {@link ArchiveStore#append}, which assigns it
 */
public record ArchivedMessage(String id, Instant stamp, Jid with, boolean outgoing, Element stanza) {
    public ArchivedMessage withId(String newId, Instant newStamp) {
        return new ArchivedMessage(newId, newStamp, with, outgoing, stanza);
    }
}
