package org.passerelle.core.store;

import java.util.Set;
import org.jxmpp.jid.BareJid;

/**
 * One contact on a buddy list. {@code askOut}: our subscribe request waits for the contact's
 * answer; {@code pendingIn}: the contact's request waits for ours; {@code preApproved}: RFC 6121
 * §3.4 pre-approval. An item that is only a pending inbound request (NONE, not asked, pendingIn)
 * is kept but not shown in the roster, as ejabberd and Prosody do.
 */
public record RosterItem(BareJid contact, String name, Set<String> groups, Subscription subscription,
                         boolean askOut, boolean pendingIn, boolean preApproved) {
    public RosterItem {
        groups = Set.copyOf(groups);
        if (subscription == null) subscription = Subscription.NONE;
    }

    public static RosterItem of(BareJid contact) {
        return new RosterItem(contact, null, Set.of(), Subscription.NONE, false, false, false);
    }

    /** Shown in roster results and pushes. */
    public boolean visible() {
        return subscription != Subscription.NONE || askOut || !pendingIn;
    }

    public RosterItem withName(String n) { return new RosterItem(contact, n, groups, subscription, askOut, pendingIn, preApproved); }

    public RosterItem withGroups(Set<String> g) { return new RosterItem(contact, name, g, subscription, askOut, pendingIn, preApproved); }

    public RosterItem withSubscription(Subscription s) { return new RosterItem(contact, name, groups, s, askOut, pendingIn, preApproved); }

    public RosterItem withAskOut(boolean a) { return new RosterItem(contact, name, groups, subscription, a, pendingIn, preApproved); }

    public RosterItem withPendingIn(boolean p) { return new RosterItem(contact, name, groups, subscription, askOut, p, preApproved); }

    public RosterItem withPreApproved(boolean p) { return new RosterItem(contact, name, groups, subscription, askOut, pendingIn, p); }
}
