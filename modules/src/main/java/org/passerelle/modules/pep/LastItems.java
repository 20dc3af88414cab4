package org.passerelle.modules.pep;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.CapsKnown;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.ClientCaps;
import org.passerelle.core.session.Session;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * Sends the last published item of each node a session may read and wants ({@code +notify}),
 * when it becomes available and when its caps become known or gain a {@code +notify}
 * (XEP-0163 §4.3.2, XEP-0060 {@code on_sub_and_presence}). Candidates are the session's own
 * account and the local accounts whose presence it is subscribed to.
 */
final class LastItems {
    private final ServerContext server;
    private final Access access;
    private final Notifier notifier;

    LastItems(ServerContext server, Access access, Notifier notifier) {
        this.server = server;
        this.access = access;
        this.notifier = notifier;
    }

    boolean initialPresence(InitialPresence e) {
        send(e.session(), null);
        return false;
    }

    boolean capsKnown(CapsKnown e) {
        // Before initial presence the InitialPresence event will do it.
        if (e.session().isAvailable()) send(e.session(), e.previous());
        return false;
    }

    /** A contact newly subscribed to the owner's presence gets the owner's last items (XEP-0060 on_sub). */
    boolean rosterChanged(RosterItemChanged e) {
        RosterItem item = e.item();
        boolean gained = item != null && item.subscription().hasFrom() && (e.previous() == null || !e.previous().subscription().hasFrom());
        EntityBareJid contact = item == null ? null : item.contact().asEntityBareJidIfPossible();
        if (!gained || contact == null || !server.domains().isLocal(contact)) return false;
        for (Session s : server.sessions().sessions(contact)) {
            if (s.isAvailable() && s.get(ClientCaps.KEY) != null) send(s, null, Set.of(e.owner()));
        }
        return false;
    }

    private void send(Session session, ClientCaps before) {
        ClientCaps caps = session.get(ClientCaps.KEY);
        // No store reads for a client that wants no notification it did not already want.
        if (caps == null || caps.features().stream().noneMatch(f -> f.endsWith("+notify") && (before == null || !before.has(f)))) return;
        Set<EntityBareJid> owners = new LinkedHashSet<>();
        owners.add(session.bareJid());
        for (RosterItem item : server.stores().roster().items(session.bareJid())) {
            EntityBareJid contact = item.contact().asEntityBareJidIfPossible();
            if (item.subscription().hasTo() && contact != null && server.domains().isLocal(contact)) owners.add(contact);
        }
        send(session, before, owners);
    }

    private void send(Session session, ClientCaps before, Set<EntityBareJid> owners) {
        ClientCaps caps = session.get(ClientCaps.KEY);
        for (EntityBareJid owner : owners) {
            for (PubsubNode node : server.stores().pubsub().nodes(owner)) {
                String notify = node.name() + "+notify";
                if (!caps.has(notify) || (before != null && before.has(notify))) continue;
                if (!"on_sub_and_presence".equals(node.sendLast()) || !access.mayRead(node, session.bareJid())) continue;
                for (PubsubItem last : server.stores().pubsub().items(owner, node.name(), 1)) {
                    Element items = Element.builder("items", Pubsub.EVENT).attr("node", node.name())
                            .child(Pubsub.item(Pubsub.EVENT, last.id(), last.payload())).build();
                    notifier.sendLast(session, owner, items, last.published());
                }
            }
        }
    }
}
