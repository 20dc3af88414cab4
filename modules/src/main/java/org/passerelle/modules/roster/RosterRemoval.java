package org.passerelle.modules.roster;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterChange;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * Removing a contact (RFC 6121 §2.5.2) ends the subscriptions both ways: the contact gets
 * {@code unsubscribe} and {@code unsubscribed} through the router, wherever it lives.
 */
final class RosterRemoval {
    private final ServerContext server;

    RosterRemoval(ServerContext server) {
        this.server = server;
    }

    /** Removes the item and sends {@code answer} before the pushes; false when there was no such item. */
    boolean remove(EntityBareJid owner, BareJid contact, Stanza answer) {
        RosterChange change = server.stores().roster().update(owner, contact, Integer.MAX_VALUE, existing -> null);
        if (change.before() == null) return false;
        server.router().route(answer);
        server.events().publish(new RosterItemChanged(owner, contact, change.before(), null, change.version()));
        cancel(owner, change.before());
        return true;
    }

    /** A deleted account unsubscribes from everyone before its roster goes. */
    boolean accountDeleted(AccountDeleted event) {
        for (RosterItem item : server.stores().roster().items(event.account())) cancel(event.account(), item);
        server.stores().roster().deleteAll(event.account());
        return false;
    }

    private void cancel(EntityBareJid owner, RosterItem item) {
        BareJid contact = item.contact();
        if (item.subscription().hasTo() || item.askOut()) route(owner, contact, "unsubscribe");
        if (item.subscription().hasFrom() || item.pendingIn()) route(owner, contact, "unsubscribed");
        if (item.subscription().hasFrom()) {
            // The contact no longer sees this account's resources: say they are gone (§3.2.2).
            for (Session s : server.sessions().sessions(owner)) {
                if (s.isAvailable()) route(s.jid(), contact, "unavailable");
            }
        }
    }

    private void route(Jid from, BareJid to, String type) {
        Element presence = Element.builder("presence", Namespaces.CLIENT).attr("type", type).build();
        server.router().route(Stanza.of(presence, from, to));
    }
}
