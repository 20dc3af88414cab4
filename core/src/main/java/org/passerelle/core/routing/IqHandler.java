package org.passerelle.core.routing;

import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/**
 * Answers IQ requests whose payload is in one namespace. Returns the reply (result or error), or
 * null when the handler sends its answer itself later. A {@link StanzaException} becomes an
 * error reply with its condition.
 */
@FunctionalInterface
public interface IqHandler {
    Stanza handle(Stanza request) throws StanzaException;
}
