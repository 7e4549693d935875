package dev.marquee.api.cache;

import java.time.Clock;
import java.time.Duration;

/**
 * A bounded {@link Lru} whose entries expire a fixed time after they were put: the short-lived read caches (catalog
 * entries, profiles). A key never put and an expired entry both read as null, so callers cache "absent" as a value
 * (an empty Optional), not as null.
 */
final class ExpiringLru<K, V> {
    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Lru<K, Entry<V>> entries;
    private final Clock clock;
    private final long ttlMillis;

    ExpiringLru(Clock clock, Duration ttl, int capacity) {
        this.entries = new Lru<>(capacity);
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    /** The value if present and not expired, else null. */
    V fresh(K key) {
        Entry<V> e = entries.get(key);
        return e != null && e.expiresAtMillis() > clock.millis() ? e.value() : null;
    }

    void put(K key, V value) {
        entries.put(key, new Entry<>(value, clock.millis() + ttlMillis));
    }

    void remove(K key) {
        entries.remove(key);
    }
}
