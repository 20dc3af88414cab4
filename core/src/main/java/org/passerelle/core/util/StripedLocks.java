package org.passerelle.core.util;

/**
 * A fixed set of monitors picked by key hash: serialises the writes and cache fills of one key
 * (one account) without a lock object per key or one lock for all.
 */
public final class StripedLocks {
    private final Object[] locks;

    public StripedLocks(int stripes) {
        locks = new Object[stripes];
        for (int i = 0; i < stripes; i++) locks[i] = new Object();
    }

    public Object of(Object key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
