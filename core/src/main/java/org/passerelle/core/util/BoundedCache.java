package org.passerelle.core.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that forgets its least recently used entry beyond a size: for data read on
 * behalf of offline accounts (block lists, last presence), which would otherwise grow with the
 * number of accounts. Null values are not allowed; cache absence with a marker value.
 */
public final class BoundedCache<K, V> {
    private final LinkedHashMap<K, V> map;

    public BoundedCache(int maxEntries) {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be positive");
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        map.put(key, value);
    }

    /** Puts the value unless the key has one; returns the value now cached (a racing writer's wins). */
    public synchronized V putIfAbsent(K key, V value) {
        V present = map.putIfAbsent(key, value);
        return present != null ? present : value;
    }

    public synchronized void remove(K key) {
        map.remove(key);
    }

    public synchronized int size() {
        return map.size();
    }
}
