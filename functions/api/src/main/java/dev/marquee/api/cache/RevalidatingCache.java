package dev.marquee.api.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A bounded read cache that never makes a request wait for a key it already holds: an entry is fresh for
 * {@code ttl}, then served stale for up to {@code maxStale} more while one background reload, batched with the other
 * stale keys, replaces it. Only a key never read (or one stale past {@code maxStale}) is read on the request path.
 * A failed reload keeps the stale value (during a store outage an older entry beats no answer) and is retried after
 * a pause. A write through this instance ({@link #put}/{@link #remove}) wins over a reload already in flight.
 * Values must not be null: callers cache "absent" as a value (an empty Optional).
 */
final class RevalidatingCache<K, V> {
    static final int RELOAD_BATCH = 100;
    private static final long RETRY_AFTER_FAILURE_MILLIS = 1_000;

    private record Entry<V>(V value, long loadedAtMillis) {
    }

    private final Lru<K, Entry<V>> entries;
    private final Clock clock;
    private final long ttlMillis;
    private final long staleUntilMillis;
    private final Function<List<K>, Map<K, V>> reload;
    private final Executor background;
    private final Consumer<RuntimeException> onReloadFailure;
    /** Stale keys waiting for a reload, with the entry they had: a reload replaces only that entry. */
    private final Map<K, Entry<V>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile long pausedUntilMillis;

    /**
     * @param reload     reads the current values of up to {@link #RELOAD_BATCH} keys; a key it leaves out keeps its entry
     * @param background runs the reloads (a virtual thread each in the api; the calling thread in tests)
     */
    RevalidatingCache(Clock clock, Duration ttl, Duration maxStale, int capacity, Function<List<K>, Map<K, V>> reload,
                      Executor background, Consumer<RuntimeException> onReloadFailure) {
        this.entries = new Lru<>(capacity);
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.staleUntilMillis = ttlMillis + maxStale.toMillis();
        this.reload = reload;
        this.background = background;
        this.onReloadFailure = onReloadFailure;
    }

    /** The value held for the key, fresh or stale (then reloaded in the background); null when it must be read now. */
    V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        long age = clock.millis() - e.loadedAtMillis();
        if (age < ttlMillis) {
            return e.value();
        }
        if (age >= staleUntilMillis) {
            return null;
        }
        scheduleReload(key, e);
        return e.value();
    }

    void put(K key, V value) {
        entries.put(key, new Entry<>(value, clock.millis()));
    }

    void remove(K key) {
        entries.remove(key);
    }

    private void scheduleReload(K key, Entry<V> stale) {
        if (clock.millis() < pausedUntilMillis || pending.putIfAbsent(key, stale) != null) {
            return;
        }
        if (draining.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (!pending.isEmpty()) {
                Map<K, Entry<V>> batch = takeBatch();
                Map<K, V> read;
                try {
                    read = reload.apply(new ArrayList<>(batch.keySet()));
                } catch (RuntimeException e) {
                    pausedUntilMillis = clock.millis() + RETRY_AFTER_FAILURE_MILLIS;
                    pending.clear();
                    onReloadFailure.accept(e);
                    return;
                }
                long now = clock.millis();
                batch.forEach((key, stale) -> {
                    V value = read.get(key);
                    if (value != null) {
                        entries.replace(key, stale, new Entry<>(value, now));
                    }
                });
            }
        } finally {
            draining.set(false);
        }
        // a key that became stale between the last batch and the flag's reset
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    private Map<K, Entry<V>> takeBatch() {
        Map<K, Entry<V>> batch = new java.util.HashMap<>();
        Iterator<Map.Entry<K, Entry<V>>> it = pending.entrySet().iterator();
        while (it.hasNext() && batch.size() < RELOAD_BATCH) {
            Map.Entry<K, Entry<V>> e = it.next();
            batch.put(e.getKey(), e.getValue());
            it.remove();
        }
        return batch;
    }
}
