package org.passerelle.modules.presence;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.event.RosterItemChanged;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Subscription;

/**
 * Subscription changes to roster items, one owner at a time: read, change, write and announce
 * ({@link RosterItemChanged}, which the roster module turns into pushes) under a lock striped by
 * owner. The lock is never held while routing, so two accounts changing each other's state cannot
 * deadlock.
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
    private final ReentrantLock[] locks = new ReentrantLock[64];

    RosterItems(RosterStore store, EventBus events, int maxItems) {
        this.store = store;
        this.events = events;
        this.maxItems = maxItems;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    RosterItem get(EntityBareJid owner, BareJid contact) {
        return store.item(owner, contact).orElse(null);
    }

    Change update(EntityBareJid owner, BareJid contact, UnaryOperator<RosterItem> change) {
        ReentrantLock lock = locks[Math.floorMod(owner.hashCode(), locks.length)];
        lock.lock();
        try {
            RosterItem before = get(owner, contact);
            RosterItem after = change.apply(before);
            if (Objects.equals(before, after)) return new Change(before, before, false);
            if (before == null && store.count(owner) >= maxItems) return new Change(null, null, true);
            long version;
            if (after == null || vanishes(before, after)) {
                after = null;
                version = store.remove(owner, contact);
            } else {
                version = store.put(owner, after);
            }
            events.publish(new RosterItemChanged(owner, contact, before, after, version));
            return new Change(before, after, false);
        } finally {
            lock.unlock();
        }
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
