package org.passerelle.modules.presence;

import org.jxmpp.jid.BareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.InboundInterceptor;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;

/**
 * Presence from a local client, at the user's server, before routing: broadcasts (no 'to'),
 * directed presence, the user's side of subscriptions, and probes.
 */
final class ClientPresence implements InboundInterceptor {
    private final ServerContext server;
    private final Broadcasts broadcasts;
    private final Subscriptions subscriptions;

    ClientPresence(ServerContext server, Broadcasts broadcasts, Subscriptions subscriptions) {
        this.server = server;
        this.broadcasts = broadcasts;
        this.subscriptions = subscriptions;
    }

    @Override
    public Stanza intercept(Session sender, Stanza stanza) {
        if (!stanza.isPresence()) return stanza;
        String type = stanza.type();
        if (type == null || Presences.UNAVAILABLE.equals(type)) {
            if (stanza.to() == null) {
                if (type == null) broadcasts.available(sender, stanza);
                else broadcasts.unavailable(sender, stanza);
                return null;
            }
            broadcasts.directed(sender, stanza);
            return stanza;
        }
        if (Presences.isSubscription(type)) return stanza.to() == null ? null : subscriptions.outbound(sender, stanza);
        if (Presences.PROBE.equals(type)) return probe(sender, stanza);
        return "error".equals(type) ? stanza : null; // a type RFC 6121 §4.7.1 does not define is dropped
    }

    /**
     * Clients are not meant to probe (§4.3); when one does, the server probes for it, but only a
     * contact it is subscribed to, so that a probe cannot cancel anything.
     */
    private Stanza probe(Session sender, Stanza stanza) {
        if (stanza.to() == null) return null;
        BareJid contact = stanza.to().asBareJid();
        RosterItem item = server.stores().roster().item(sender.bareJid(), contact).orElse(null);
        if (item == null || !item.subscription().hasTo()) return null;
        return Presences.of(sender.bareJid(), contact, Presences.PROBE);
    }
}
