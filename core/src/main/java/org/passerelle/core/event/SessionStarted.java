package org.passerelle.core.event;

import org.passerelle.core.session.Session;

/** A session has bound its resource and is in the registry. */
public record SessionStarted(Session session) {
}
