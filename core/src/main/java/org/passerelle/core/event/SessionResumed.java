package org.passerelle.core.event;

import org.passerelle.core.session.Session;

/**
 * A session was resumed on a new connection (XEP-0198). State negotiated on the old stream and
 * not carried over by the XEP (client state indication) starts afresh.
 */
public record SessionResumed(Session session) {
}
