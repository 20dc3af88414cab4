package org.passerelle.core.store;

import java.util.Set;
import org.jxmpp.jid.BareJid;

/**
 * One contact on a buddy list. {@code askOut}: our subscribe request waits for the contact's
 * answer; {@code pendingIn}: the contact's request waits for ours; {@code preApproved}: RFC 6121
 * §3.4 pre-approval; {@code listed}: the owner put the contact on the list (false for an item
 * that only records a stranger's pending request: it is kept but not shown until answered).
 */
public record RosterItem(BareJid contact, String name, Set<String> groups, Subscription subscription,
                         boolean askOut, boolean pendingIn, boolean preApproved, boolean listed) {
    public RosterItem {
        groups = Set.copyOf(groups);
        if (subscription == null) subscription = Subscription.NONE;
    }

    /** A listed item (what the owner adds, imports, or reaches through a subscription). */
    public RosterItem(BareJid contact, String name, Set<String> groups, Subscription subscription,
                      boolean askOut, boolean pendingIn, boolean preApproved) {
        this(contact, name, groups, subscription, askOut, pendingIn, preApproved, true);
    }

    public static RosterItem of(BareJid contact) {
        return new RosterItem(contact, null, Set.of(), Subscription.NONE, false, false, false, true);
    }

    /** What a subscription request from someone not on the list leaves behind (RFC 6121 §3.1.3). */
    public static RosterItem pendingRequest(BareJid contact) {
        return new RosterItem(contact, null, Set.of(), Subscription.NONE, false, true, false, false);
    }

    /** Shown in roster results and pushes. */
    public boolean visible() {
        return listed || subscription != Subscription.NONE || askOut;
    }

    public RosterItem withName(String n) { return new RosterItem(contact, n, groups, subscription, askOut, pendingIn, preApproved, listed); }

    public RosterItem withGroups(Set<String> g) { return new RosterItem(contact, name, g, subscription, askOut, pendingIn, preApproved, listed); }

    public RosterItem withSubscription(Subscription s) { return new RosterItem(contact, name, groups, s, askOut, pendingIn, preApproved, listed); }

    public RosterItem withAskOut(boolean a) { return new RosterItem(contact, name, groups, subscription, a, pendingIn, preApproved, listed); }

    public RosterItem withPendingIn(boolean p) { return new RosterItem(contact, name, groups, subscription, askOut, p, preApproved, listed); }

    public RosterItem withPreApproved(boolean p) { return new RosterItem(contact, name, groups, subscription, askOut, pendingIn, p, listed); }

    public RosterItem withListed(boolean l) { return new RosterItem(contact, name, groups, subscription, askOut, pendingIn, preApproved, l); }
}
