package org.passerelle.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsSize() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(1, cache.get("a")); // a is now the most recently used
        cache.put("c", 3);
        assertNull(cache.get("b"));
        assertEquals(1, cache.get("a"));
        assertEquals(3, cache.get("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void removeForgetsOneKey() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(4);
        cache.put("a", 1);
        cache.remove("a");
        assertNull(cache.get("a"));
    }

    @Test
    void putIfAbsentKeepsTheValueAlreadyThere() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(4);
        assertEquals(1, cache.putIfAbsent("a", 1));
        assertEquals(1, cache.putIfAbsent("a", 2));
        assertEquals(1, cache.get("a"));
    }
}
