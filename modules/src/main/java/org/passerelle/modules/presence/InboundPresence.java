package org.passerelle.modules.presence;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * Presence that the router brings to a local account (RFC 6121 §8.5.2.1.2, §8.5.3): subscription
 * stanzas and probes are for the account (whatever the resource), the rest is delivered to its
 * available resources, or to the one resource named.
 */
final class InboundPresence {
    private final ServerContext server;
    private final Presences presences;
    private final Subscriptions subscriptions;
    private final Broadcasts broadcasts;

    InboundPresence(ServerContext server, Presences presences, Subscriptions subscriptions, Broadcasts broadcasts) {
        this.server = server;
        this.presences = presences;
        this.subscriptions = subscriptions;
        this.broadcasts = broadcasts;
    }

    /** To a bare JID: the account's available resources (or, for a missing account, nobody: §8.5.1). */
    boolean toAccount(Stanza stanza) {
        EntityBareJid owner = stanza.to().asEntityBareJidOrThrow();
        if (forAccount(owner, stanza)) return true;
        if (stanza.type() == null || Presences.UNAVAILABLE.equals(stanza.type())) presences.deliverToAvailable(owner, stanza);
        return true; // presence errors to a bare JID have no one to go to
    }

    /** To a full JID: that session if it exists, else dropped (§8.5.3.2.2). */
    boolean toResource(Stanza stanza) {
        EntityFullJid to = (EntityFullJid) stanza.to();
        if (forAccount(to.asEntityBareJid(), stanza)) return true;
        Session session = server.sessions().get(to);
        if (session != null) server.router().deliver(session, stanza);
        return true;
    }

    private boolean forAccount(EntityBareJid owner, Stanza stanza) {
        String type = stanza.type();
        if (Presences.isSubscription(type)) {
            subscriptions.inbound(owner, stanza);
            return true;
        }
        if (Presences.PROBE.equals(type)) {
            probe(owner, stanza);
            return true;
        }
        return false;
    }

    /** §4.3.2: only a subscriber learns the account's presence; others hear it is not subscribed. */
    private void probe(EntityBareJid owner, Stanza probe) {
        if (probe.from() == null) return;
        BareJid prober = probe.from().asBareJid();
        if (prober.equals(owner)) return;
        // An account that does not exist has no roster (deleting an account deletes it): one lookup answers both.
        RosterItem item = server.stores().roster().item(owner, prober).orElse(null);
        if (item == null || !item.subscription().hasFrom()) {
            presences.route(Presences.of(owner, probe.from(), Presences.UNSUBSCRIBED));
            return;
        }
        boolean any = false;
        for (Session s : server.sessions().sessions(owner)) {
            if (s.isAvailable()) {
                any = true;
                presences.route(s.presence().withFrom(s.jid()).withTo(probe.from()));
            }
        }
        if (!any) presences.route(unavailable(owner, probe.from()));
    }

    /** The account's last unavailable presence (status and delay kept), from its bare JID. */
    private Stanza unavailable(EntityBareJid owner, org.jxmpp.jid.Jid to) {
        Element last = broadcasts.lastUnavailable(owner);
        Element.Builder b = Element.builder("presence", Namespaces.CLIENT).attr("type", Presences.UNAVAILABLE);
        if (last != null) {
            for (Element child : last.elements()) {
                if (child.is("status", Namespaces.CLIENT) || child.is("delay", Namespaces.DELAY)) b.child(child);
            }
        }
        return Stanza.of(b.build(), owner, to);
    }
}
