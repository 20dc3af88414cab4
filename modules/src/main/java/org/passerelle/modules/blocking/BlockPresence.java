package org.passerelle.modules.blocking;

import java.util.Collection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * §3.3 and §3.4: on block, unavailable presence from each available resource of the account to
 * the blocked contacts allowed to see it; on unblock, the current presence again.
 */
final class BlockPresence {
    private final ServerContext server;

    BlockPresence(ServerContext server) {
        this.server = server;
    }

    void send(EntityBareJid owner, Collection<Jid> items, boolean available) {
        if (items.isEmpty()) return;
        var mine = server.sessions().sessions(owner).stream().filter(Session::isAvailable).toList();
        if (mine.isEmpty()) return;
        for (RosterItem contact : server.stores().roster().items(owner)) {
            if (!contact.subscription().hasFrom()) continue;
            for (Jid item : items) {
                Jid target = target(item, contact);
                if (target == null) continue;
                for (Session s : mine) send(available ? s.presence().element() : unavailable(), s, target);
                break;
            }
        }
    }

    /** Where the presence goes for this item and contact: the blocked full JID, the contact, or nowhere. */
    private static Jid target(Jid item, RosterItem contact) {
        if (item.hasLocalpart() && item.hasResource()) return item.asBareJid().equals(contact.contact()) ? item : null;
        return BlockList.matches(item, contact.contact()) ? contact.contact() : null;
    }

    private void send(Element presence, Session from, Jid to) {
        Stanza stanza = Stanza.of(presence, from.jid(), to);
        if (!to.hasLocalpart() || !server.domains().isLocal(to)) {
            server.router().route(stanza);
            return;
        }
        // A local contact: straight to its available sessions, as a presence broadcast would go.
        for (Session s : server.sessions().sessions(to.asEntityBareJidIfPossible())) {
            if (s.isAvailable() && (!to.hasResource() || s.jid().equals(to))) server.router().deliver(s, stanza);
        }
    }

    private static Element unavailable() {
        return Element.builder("presence", Namespaces.CLIENT).attr("type", "unavailable").build();
    }
}
