package org.passerelle.modules.presence;

import static org.passerelle.modules.presence.Presences.SUBSCRIBE;
import static org.passerelle.modules.presence.Presences.SUBSCRIBED;
import static org.passerelle.modules.presence.Presences.UNSUBSCRIBE;
import static org.passerelle.modules.presence.Presences.UNSUBSCRIBED;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.modules.presence.RosterItems.Change;

/**
 * Applies the subscription state machine ({@link SubscriptionStates}) and does what each
 * transition asks: route the stanza on, deliver it to the account's resources, answer for the
 * account, send presence (RFC 6121 §3).
 */
final class Subscriptions {
    private final ServerContext server;
    private final RosterItems items;
    private final Presences presences;
    private final boolean preApproval;

    Subscriptions(ServerContext server, RosterItems items, Presences presences, boolean preApproval) {
        this.server = server;
        this.items = items;
        this.presences = presences;
        this.preApproval = preApproval;
    }

    /**
     * A subscription stanza from a local client, at the user's server (§3.1.2, §3.1.5, §3.2.2,
     * §3.3.2, §3.4). Returns the stanza to route, stamped with bare JIDs, or null when it was
     * handled here (or must not leave).
     */
    Stanza outbound(Session sender, Stanza stanza) {
        EntityBareJid user = sender.bareJid();
        BareJid contact = stanza.to().asBareJid();
        if (contact.equals(user)) return null; // one is always subscribed to oneself (§4.2.2)
        Stanza out = stanza.withFrom(user).withTo(contact);
        switch (stanza.type()) {
            case SUBSCRIBE -> {
                Change c = items.update(user, contact, i -> SubscriptionStates.outSubscribe(i, contact));
                if (c.rejected()) {
                    server.router().deliver(sender, stanza.error("resource-constraint", "the roster is full"));
                    return null;
                }
                return out;
            }
            case UNSUBSCRIBE -> {
                items.update(user, contact, SubscriptionStates::outUnsubscribe);
                return out;
            }
            case SUBSCRIBED -> {
                Change c = items.update(user, contact, i -> SubscriptionStates.outSubscribed(i, contact, preApproval));
                if (c.before() != null && c.before().pendingIn() && c.after().subscription().hasFrom()) {
                    presences.route(out);
                    presences.sendAvailable(user, contact); // §3.1.5: the new subscriber sees us at once
                }
                return null; // a pre-approval stays here (§3.4); a repeated approval has nothing to say
            }
            case UNSUBSCRIBED -> {
                Change c = items.update(user, contact, SubscriptionStates::outUnsubscribed);
                RosterItem before = c.before();
                if (before != null && !before.subscription().hasFrom() && !before.pendingIn()) return null; // a withdrawn pre-approval stays here
                presences.route(out);
                if (before != null && before.subscription().hasFrom()) presences.sendUnavailable(user, contact);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A subscription stanza for a local account, at the contact's server (§3.1.3, §3.1.6, §3.2.3, §3.3.3). */
    void inbound(EntityBareJid owner, Stanza stanza) {
        if (stanza.from() == null) return;
        BareJid contact = stanza.from().asBareJid();
        if (contact.equals(owner) || !presences.exists(owner)) return; // §8.5.1: silently ignored
        Stanza in = stanza.withFrom(contact).withTo(owner);
        switch (stanza.type()) {
            case SUBSCRIBE -> {
                Change c = items.update(owner, contact, i -> SubscriptionStates.inSubscribe(i, contact));
                if (c.rejected()) return;
                if (c.after().subscription().hasFrom()) {
                    // Already subscribed, or pre-approved: the account answers without asking its user.
                    presences.route(Presences.of(owner, contact, SUBSCRIBED));
                    if (!c.before().subscription().hasFrom()) presences.sendAvailable(owner, contact);
                } else {
                    // Kept as pending-in on the item; delivered again at the next initial presence.
                    presences.deliverToAvailable(owner, in);
                }
            }
            case UNSUBSCRIBE -> {
                Change c = items.update(owner, contact, SubscriptionStates::inUnsubscribe);
                if (!c.changed()) return;
                presences.deliverToAvailable(owner, in);
                if (c.before().subscription().hasFrom()) presences.sendUnavailable(owner, contact);
            }
            case SUBSCRIBED -> {
                if (items.update(owner, contact, SubscriptionStates::inSubscribed).changed()) presences.deliverToAvailable(owner, in);
            }
            case UNSUBSCRIBED -> {
                if (items.update(owner, contact, SubscriptionStates::inUnsubscribed).changed()) presences.deliverToAvailable(owner, in);
            }
            default -> {
            }
        }
    }

    /** Pending requests, delivered again to a session that just became available (§3.1.3). */
    void redeliverPending(Session session) {
        for (RosterItem item : server.stores().roster().items(session.bareJid())) {
            if (item.pendingIn() && !item.subscription().hasFrom()) {
                server.router().deliver(session, Presences.of(item.contact(), session.bareJid(), SUBSCRIBE));
            }
        }
    }
}
