package org.passerelle.modules.pep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.ClientCaps;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/**
 * Event notifications (XEP-0163 §4.3): to the owner's available resources and to the available
 * resources of contacts with a presence subscription to the owner who may read the node, in both
 * cases only to clients whose XEP-0115 caps say {@code node+notify} (filtered notifications).
 */
final class Notifier {
    private final ServerContext server;
    private final Access access;

    Notifier(ServerContext server, Access access) {
        this.server = server;
        this.access = access;
    }

    /** The sessions that get notifications of the node now. */
    List<Session> recipients(PubsubNode node) {
        List<Session> out = new ArrayList<>(interested(node.owner(), node.name()));
        for (RosterItem item : server.stores().roster().items(node.owner())) {
            BareJid contact = item.contact();
            EntityBareJid account = contact.asEntityBareJidIfPossible();
            if (!item.subscription().hasFrom() || account == null || !server.domains().isLocal(contact)) continue;
            // Sessions first: the access check asks the blocking module, most contacts are offline.
            List<Session> sessions = interested(account, node.name());
            if (!sessions.isEmpty() && access.mayRead(node, item)) out.addAll(sessions);
        }
        return out;
    }

    /** Sends {@code event} (a child of {@code <event/>}) to every recipient. */
    void send(List<Session> recipients, EntityBareJid owner, Element event) {
        for (Session s : recipients) server.router().deliver(s, message(owner, s, event, null));
    }

    /** The last published item, stamped with when it was published (XEP-0163 §4.3.2, XEP-0203). */
    void sendLast(Session to, EntityBareJid owner, Element items, Instant published) {
        server.router().deliver(to, message(owner, to, items, published));
    }

    private Stanza message(EntityBareJid owner, Session to, Element event, Instant delay) {
        Element.Builder m = Element.builder("message", Namespaces.CLIENT).attr("type", "headline")
                .attr("id", server.iqTracker().nextId())
                .child(Element.builder("event", Pubsub.EVENT).child(event).build());
        if (delay != null) m.child(Delays.delay(owner.toString(), delay, null));
        return Stanza.of(m.build(), owner, to.jid());
    }

    private List<Session> interested(EntityBareJid account, String node) {
        List<Session> out = new ArrayList<>();
        for (Session s : server.sessions().sessions(account)) if (s.isAvailable() && wantsNotify(s, node)) out.add(s);
        return out;
    }

    static boolean wantsNotify(Session s, String node) {
        ClientCaps caps = s.get(ClientCaps.KEY);
        return caps != null && caps.has(node + "+notify");
    }
}
