package org.passerelle.core.routing;

import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;

/**
 * Sees each stanza a client sends, after the server stamped {@code from} and before routing.
 * Returns the stanza (possibly changed) to go on, or null when it consumed it; throwing a
 * {@link StanzaException} answers the sender with that error.
 */
@FunctionalInterface
public interface InboundInterceptor {
    Stanza intercept(Session sender, Stanza stanza) throws StanzaException;
}
