package org.passerelle.modules.presence;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.store.RosterChange;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Subscription;

/**
 * Subscription changes to roster items: read, change and write as one atomic store step
 * ({@link RosterStore#update}), then announce ({@link RosterItemChanged}, which the roster module
 * turns into pushes). Nothing is locked while routing, so two accounts changing each other's
 * state cannot deadlock, and a roster set racing a subscription change loses neither.
 */
final class RosterItems {
    /** The item before and after; {@code rejected} when a new item did not fit in a full roster. */
    record Change(RosterItem before, RosterItem after, boolean rejected) {
        boolean changed() {
            return !Objects.equals(before, after);
        }
    }

    private final RosterStore store;
    private final EventBus events;
    private final int maxItems;

    RosterItems(RosterStore store, EventBus events, int maxItems) {
        this.store = store;
        this.events = events;
        this.maxItems = maxItems;
    }

    RosterItem get(EntityBareJid owner, BareJid contact) {
        return store.item(owner, contact).orElse(null);
    }

    Change update(EntityBareJid owner, BareJid contact, UnaryOperator<RosterItem> change) {
        RosterChange result = store.update(owner, contact, maxItems, before -> {
            RosterItem after = change.apply(before);
            return after == null || vanishes(before, after) ? null : after;
        });
        if (result.full()) return new Change(null, null, true);
        if (result.changed()) {
            events.publish(new RosterItemChanged(owner, contact, result.before(), result.after(), result.version()));
        }
        return new Change(result.before(), result.after(), false);
    }

    /**
     * An item that only held a pending request (hidden from the roster) is dropped once the
     * request is answered with a refusal, instead of turning into a visible empty contact.
     */
    private static boolean vanishes(RosterItem before, RosterItem after) {
        return before != null && !before.visible() && after.subscription() == Subscription.NONE && !after.askOut()
                && !after.pendingIn() && !after.preApproved() && after.name() == null && after.groups().isEmpty();
    }
}
