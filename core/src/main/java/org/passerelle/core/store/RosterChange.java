package org.passerelle.core.store;

/**
 * The outcome of {@link RosterStore#update}: the item before and after (null when absent), the
 * owner's roster version afterwards, and whether the change was refused because the roster is full.
 */
public record RosterChange(RosterItem before, RosterItem after, long version, boolean full) {
    public boolean changed() {
        return !full && !java.util.Objects.equals(before, after);
    }
}
