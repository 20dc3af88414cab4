package org.passerelle.modules.pep;

import java.util.Optional;
import java.util.function.Supplier;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.event.BlockQuery;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.RosterItem;

/**
 * Who may see a node's items (XEP-0060 §4.5): the owner always; others by the node's access
 * model, and never across a XEP-0191 block in either direction. Whitelist nodes have no
 * affiliation management here, so the whitelist holds only the owner.
 */
final class Access {
    private final ServerContext server;

    Access(ServerContext server) {
        this.server = server;
    }

    boolean mayRead(PubsubNode node, BareJid requester) {
        return denial(node, requester, () -> rosterItem(node, requester)) == null;
    }

    /** As {@link #mayRead(PubsubNode, BareJid)} for a contact whose roster item the caller already read. */
    boolean mayRead(PubsubNode node, RosterItem item) {
        return denial(node, item.contact(), () -> Optional.of(item)) == null;
    }

    /** Throws the §6.5.9 error for a requester who may not retrieve the node's items. */
    void checkRead(PubsubNode node, BareJid requester) throws PubsubException {
        PubsubException e = denial(node, requester, () -> rosterItem(node, requester));
        if (e != null) throw e;
    }

    private PubsubException denial(PubsubNode node, BareJid requester, Supplier<Optional<RosterItem>> item) {
        if (requester.equals(node.owner())) return null;
        PubsubException denied = switch (node.access()) {
            case OPEN -> null;
            case PRESENCE -> item.get().filter(i -> i.subscription().hasFrom()).isPresent() ? null
                    : new PubsubException("not-authorized", "presence-subscription-required", "the owner's presence subscription is required");
            case ROSTER -> item.get().filter(i -> i.groups().stream().anyMatch(node.rosterGroups()::contains)).isPresent()
                    ? null : new PubsubException("not-authorized", "not-in-roster-group", "not in an allowed roster group");
            case WHITELIST -> new PubsubException("not-allowed", "closed-node", "the node is private");
        };
        if (denied == null && blocked(node.owner(), requester)) {
            return new PubsubException("not-authorized", "presence-subscription-required", "the owner's presence subscription is required");
        }
        return denied;
    }

    /** True when either side blocks the other. */
    boolean blocked(BareJid a, BareJid b) {
        return (a.asEntityBareJidIfPossible() != null && server.events().publish(new BlockQuery(a.asEntityBareJidIfPossible(), b)))
                || (b.asEntityBareJidIfPossible() != null && server.events().publish(new BlockQuery(b.asEntityBareJidIfPossible(), a)));
    }

    private Optional<RosterItem> rosterItem(PubsubNode node, BareJid contact) {
        return server.stores().roster().item(node.owner(), contact);
    }
}
