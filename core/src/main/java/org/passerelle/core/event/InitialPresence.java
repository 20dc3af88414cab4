package org.passerelle.core.event;

import org.passerelle.core.session.Session;

/** A session sent its initial available presence (RFC 6121 §4.2): now it can get offline messages. */
public record InitialPresence(Session session) {
}
