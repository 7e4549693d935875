package dev.marquee.api.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A bounded least-recently-used map, synchronized: small enough a critical section for a request path. */
final class Lru<K, V> {
    private final Map<K, V> map;

    Lru(int capacity) {
        this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    /** Replaces the value only while the key still maps to {@code expected} (the same instance). */
    synchronized void replace(K key, V expected, V value) {
        if (map.get(key) == expected) {
            map.put(key, value);
        }
    }

    synchronized void remove(K key) {
        map.remove(key);
    }

    synchronized void removeIf(Predicate<K> matching) {
        map.keySet().removeIf(matching);
    }
}
