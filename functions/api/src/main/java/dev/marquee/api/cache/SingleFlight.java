package dev.marquee.api.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most one read per key in flight: concurrent misses of a key wait for the read already under way instead of
 * sending their own. Under a slow store this is what keeps a burst of requests for the same few keys from becoming a
 * burst of identical reads that slows the store further.
 */
final class SingleFlight<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /** The value read for the key, by this caller or by the read another caller already started. */
    V load(K key, Supplier<V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            V value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * The values of many keys: one batch read for the keys nobody is reading yet, the others from the reads under way.
     * {@code readAll} must return a value for every key it is given.
     */
    Map<K, V> loadAll(Collection<K> keys, Function<List<K>, Map<K, V>> readAll) {
        Map<K, CompletableFuture<V>> mine = new HashMap<>();
        Map<K, CompletableFuture<V>> theirs = new HashMap<>();
        for (K key : new LinkedHashSet<>(keys)) {
            CompletableFuture<V> f = new CompletableFuture<>();
            CompletableFuture<V> other = inFlight.putIfAbsent(key, f);
            if (other == null) {
                mine.put(key, f);
            } else {
                theirs.put(key, other);
            }
        }
        Map<K, V> out = new HashMap<>();
        if (!mine.isEmpty()) {
            try {
                Map<K, V> read = readAll.apply(new ArrayList<>(mine.keySet()));
                mine.forEach((key, f) -> f.complete(read.get(key)));
                out.putAll(read);
            } catch (RuntimeException | Error e) {
                mine.values().forEach(f -> f.completeExceptionally(e));
                throw e;
            } finally {
                mine.forEach(inFlight::remove);
            }
        }
        theirs.forEach((key, f) -> out.put(key, join(f)));
        return out;
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
