package org.passerelle.core.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Items kept in priority order (lowest first), for hooks and listeners. Readers iterate over an
 * immutable snapshot; adding or removing swaps the whole list atomically, so a reader never sees
 * it half-updated.
 */
public final class PriorityList<T> {
    private record Entry<T>(int priority, T item) {
    }

    /** The entries and, derived once per change, their items: readers take {@link #items()} per stanza. */
    private record Snapshot<T>(List<Entry<T>> entries, List<T> items) {
        static <T> Snapshot<T> of(List<Entry<T>> entries) {
            List<Entry<T>> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingInt(Entry::priority));
            List<T> items = new ArrayList<>(sorted.size());
            for (Entry<T> e : sorted) items.add(e.item());
            return new Snapshot<>(List.copyOf(sorted), List.copyOf(items));
        }
    }

    private final AtomicReference<Snapshot<T>> snapshot = new AtomicReference<>(Snapshot.of(List.of()));

    /** Adds the item after those of the same priority; the returned action removes it again. */
    public Runnable add(int priority, T item) {
        Entry<T> entry = new Entry<>(priority, item);
        snapshot.updateAndGet(current -> {
            List<Entry<T>> next = new ArrayList<>(current.entries());
            next.add(entry);
            return Snapshot.of(next);
        });
        return () -> snapshot.updateAndGet(current -> {
            List<Entry<T>> next = new ArrayList<>(current.entries());
            next.remove(entry);
            return Snapshot.of(next);
        });
    }

    /** The items in priority order, as of now (an immutable list, no copy). */
    public List<T> items() {
        return snapshot.get().items();
    }
}
