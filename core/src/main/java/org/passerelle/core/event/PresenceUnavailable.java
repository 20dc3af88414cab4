package org.passerelle.core.event;

import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;

/** A session became unavailable (it sent unavailable presence, or ended); {@code presence} is that stanza. */
public record PresenceUnavailable(Session session, Stanza presence) {
}
