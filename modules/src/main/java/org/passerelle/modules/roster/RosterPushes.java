package org.passerelle.modules.roster;

import java.util.List;
import java.util.Objects;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.xml.Element;

/** Turns each roster change into a push to every interested session of the owner (RFC 6121 §2.1.6). */
final class RosterPushes {
    private final ServerContext server;
    private final boolean versioning;

    RosterPushes(ServerContext server, boolean versioning) {
        this.server = server;
        this.versioning = versioning;
    }

    boolean on(RosterItemChanged change) {
        Element item = pushed(change.previous(), change.item());
        if (item == null) return false;
        Element query = RosterXml.query(versioning ? Long.toString(change.version()) : null, List.of(item));
        for (Session s : server.sessions().sessions(change.owner())) {
            if (!s.isInterested()) continue;
            Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set")
                    .attr("id", server.iqTracker().nextId()).child(query).build();
            server.router().deliver(s, Stanza.of(iq, change.owner(), s.jid()));
        }
        return false;
    }

    /**
     * What clients see of a change: the item while it is visible, a removal when it stops being so.
     * A pending inbound request alone stays out of sight, unless the user edited its name or groups.
     */
    private static Element pushed(RosterItem before, RosterItem after) {
        if (after != null && (after.visible() || edited(before, after))) {
            Element item = RosterXml.item(after);
            // A change clients cannot see (a pending request on a visible item) is not pushed.
            boolean same = before != null && before.visible() && item.equals(RosterXml.item(before));
            return same ? null : item;
        }
        if (before != null && before.visible()) return RosterXml.removed(before.contact());
        return null;
    }

    private static boolean edited(RosterItem before, RosterItem after) {
        return before != null && (!Objects.equals(before.name(), after.name()) || !before.groups().equals(after.groups()));
    }
}
