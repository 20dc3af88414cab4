package org.passerelle.core.routing;

import org.passerelle.core.stanza.Stanza;

/**
 * Sees each message or presence routed to a local account (its bare or a full JID), whoever sent
 * it, before the handlers of its {@link Destination}. Returns the stanza (possibly changed) for the
 * handlers, or null when it consumed it. The place to stamp what every recipient must see, such as
 * an archive's XEP-0359 stanza-id.
 */
@FunctionalInterface
public interface LocalInterceptor {
    Stanza intercept(Destination destination, Stanza stanza) throws Exception;
}
