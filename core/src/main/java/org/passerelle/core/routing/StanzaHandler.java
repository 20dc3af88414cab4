package org.passerelle.core.routing;

import org.passerelle.core.stanza.Stanza;

/** Takes a stanza addressed to a {@link Destination}; returns true when it took it. */
@FunctionalInterface
public interface StanzaHandler {
    boolean handle(Stanza stanza) throws Exception;
}
