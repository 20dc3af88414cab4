package org.passerelle.core.event;

import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;

/**
 * A session left the registry for good (closed, timed out, or not resumed in time).
 * {@code lastPresence} is what it last broadcast (null if it never was available).
 */
public record SessionEnded(Session session, Stanza lastPresence, String reason) {
}
