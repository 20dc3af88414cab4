package org.passerelle.core.session;

import java.util.Collection;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * Finds sessions by JID. The single-node implementation is {@link LocalSessionRegistry}; a
 * cluster swaps in one that also knows the sessions of other nodes.
 */
public interface SessionRegistry {
    /**
     * Adds the session. If another session holds the same full JID it is returned, already
     * removed, so that the caller can close it (RFC 6120 §7.7.2.2: the newer session wins).
     */
    Session add(Session session);

    /** Removes this session (not another one that has since taken its JID). */
    boolean remove(Session session);

    Session get(EntityFullJid jid);

    /** The sessions of one account, in no particular order; empty when none. */
    List<Session> sessions(EntityBareJid account);

    Collection<Session> all();

    int count();
}
