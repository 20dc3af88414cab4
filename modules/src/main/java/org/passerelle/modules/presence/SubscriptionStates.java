package org.passerelle.modules.presence;

import org.jxmpp.jid.BareJid;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;

/**
 * The subscription state machine of RFC 6121 Appendix A as pure functions of one roster item
 * (null when the contact is not on the roster). "Out" functions run at the user's server for a
 * stanza the user sends (A.2); "in" functions at the receiving account's server (A.3). Each
 * returns the new item, the same one when nothing changes.
 */
final class SubscriptionStates {
    private SubscriptionStates() {
    }

    /** A.2.1: subscribe asks, unless the subscription exists already. */
    static RosterItem outSubscribe(RosterItem item, BareJid contact) {
        RosterItem i = item == null ? RosterItem.of(contact) : item;
        return i.subscription().hasTo() ? i : i.withAskOut(true);
    }

    /** A.2.2: unsubscribe ends our subscription and any request for one. */
    static RosterItem outUnsubscribe(RosterItem item) {
        return item == null ? null : item.withSubscription(withoutTo(item.subscription())).withAskOut(false);
    }

    /** A.2.3 and §3.4: subscribed approves a pending request, or else pre-approves one. */
    static RosterItem outSubscribed(RosterItem item, BareJid contact, boolean preApproval) {
        if (item != null && item.subscription().hasFrom()) return item;
        if (item != null && item.pendingIn()) {
            // §3.1.5: approving puts the contact on the list, if it was only a pending request.
            return item.withSubscription(withFrom(item.subscription())).withPendingIn(false).withPreApproved(false).withListed(true);
        }
        if (!preApproval) return item;
        return (item == null ? RosterItem.of(contact) : item).withPreApproved(true);
    }

    /** A.2.4: unsubscribed cancels the contact's subscription, denies its request, or withdraws a pre-approval. */
    static RosterItem outUnsubscribed(RosterItem item) {
        if (item == null) return null;
        return item.withSubscription(withoutFrom(item.subscription())).withPendingIn(false).withPreApproved(false);
    }

    /** A.3.1: a request is remembered, unless already subscribed or pre-approved (then granted at once). */
    static RosterItem inSubscribe(RosterItem item, BareJid contact) {
        if (item != null && item.subscription().hasFrom()) return item;
        if (item != null && item.preApproved()) {
            return item.withSubscription(withFrom(item.subscription())).withPreApproved(false).withPendingIn(false);
        }
        return item == null ? RosterItem.pendingRequest(contact) : item.withPendingIn(true);
    }

    /** A.3.2: the contact no longer wants our presence, nor asks for it. */
    static RosterItem inUnsubscribe(RosterItem item) {
        return item == null ? null : item.withSubscription(withoutFrom(item.subscription())).withPendingIn(false);
    }

    /** A.3.3: an approval counts only for a request we made. */
    static RosterItem inSubscribed(RosterItem item) {
        if (item == null || !item.askOut()) return item;
        return item.withSubscription(withTo(item.subscription())).withAskOut(false);
    }

    /** A.3.4: our subscription, or our request for one, is over. */
    static RosterItem inUnsubscribed(RosterItem item) {
        return item == null ? null : item.withSubscription(withoutTo(item.subscription())).withAskOut(false);
    }

    static Subscription withTo(Subscription s) {
        return s.hasFrom() ? Subscription.BOTH : Subscription.TO;
    }

    static Subscription withFrom(Subscription s) {
        return s.hasTo() ? Subscription.BOTH : Subscription.FROM;
    }

    static Subscription withoutTo(Subscription s) {
        return s.hasFrom() ? Subscription.FROM : Subscription.NONE;
    }

    static Subscription withoutFrom(Subscription s) {
        return s.hasTo() ? Subscription.TO : Subscription.NONE;
    }
}
