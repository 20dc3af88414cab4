package org.passerelle.core.routing;

import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;

/** Sees each stanza just before it is given to a session; returns it (maybe changed) or null to drop it. */
@FunctionalInterface
public interface DeliveryInterceptor {
    Stanza intercept(Session recipient, Stanza stanza);
}
