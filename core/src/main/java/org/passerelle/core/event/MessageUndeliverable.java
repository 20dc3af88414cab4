package org.passerelle.core.event;

import org.passerelle.core.stanza.Stanza;

/**
 * A message for a local account found no session that takes it (RFC 6121 §8.5.2.2). Modules
 * answer in priority order (offline storage, forwarding); if none consumes it the router bounces
 * {@code service-unavailable}.
 */
public record MessageUndeliverable(Stanza message) {
}
