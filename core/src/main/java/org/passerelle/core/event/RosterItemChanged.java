package org.passerelle.core.event;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.RosterItem;

/**
 * A module stored a change to one roster item (a roster set, a subscription state change). The
 * roster module answers with roster pushes (RFC 6121 §2.1.6), so that modules changing rosters
 * need not know how pushes look.
 *
 * @param previous the item before the change, or null when it was created
 * @param item     the item after the change, or null when it was removed
 * @param version  the owner's roster version after the change
 */
public record RosterItemChanged(EntityBareJid owner, BareJid contact, RosterItem previous, RosterItem item,
                                long version) {
}
