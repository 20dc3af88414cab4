package org.passerelle.core.event;

import org.passerelle.core.session.ClientCaps;
import org.passerelle.core.session.Session;

/**
 * A session's XEP-0115 capabilities became known or changed; they are already on the session
 * ({@link ClientCaps#KEY}). {@code previous} is what was known before, or null.
 */
public record CapsKnown(Session session, ClientCaps previous, ClientCaps caps) {
}
