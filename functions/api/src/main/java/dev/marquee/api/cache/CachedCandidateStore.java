package dev.marquee.api.cache;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate lists held in memory once read: a list is immutable under its model version (the batch job writes a new
 * version rather than changing one), so a cached list is never stale; a new version simply misses. Failures are not
 * cached. Bounded (least recently used out) so a Lambda container's memory stays flat. Concurrent misses of a list
 * share one read.
 */
public final class CachedCandidateStore implements CandidateStore {
    private record Key(String version, CandidateKind kind, String key) {
    }

    private final CandidateStore store;
    private final Lru<Key, List<Candidate>> lists;
    private final SingleFlight<Key, List<Candidate>> reads = new SingleFlight<>();

    public CachedCandidateStore(CandidateStore store, int capacity) {
        this.store = store;
        this.lists = new Lru<>(capacity);
    }

    @Override
    public List<Candidate> get(String version, CandidateKind kind, String key) {
        Key k = new Key(version, kind, key);
        List<Candidate> cached = lists.get(k);
        if (cached != null) {
            return cached;
        }
        return reads.load(k, () -> {
            List<Candidate> read = List.copyOf(store.get(version, kind, key));
            lists.put(k, read);
            return read;
        });
    }

    @Override
    public Map<String, List<Candidate>> getAll(String version, CandidateKind kind, Collection<String> keys) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        List<Key> missing = new ArrayList<>();
        for (String key : keys) {
            Key k = new Key(version, kind, key);
            List<Candidate> cached = lists.get(k);
            out.put(key, cached);
            if (cached == null) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            reads.loadAll(missing, ks -> {
                Map<String, List<Candidate>> read = store.getAll(version, kind, ks.stream().map(Key::key).toList());
                Map<Key, List<Candidate>> byKey = new HashMap<>();
                for (Key k : ks) {
                    List<Candidate> list = List.copyOf(read.getOrDefault(k.key(), List.of()));
                    lists.put(k, list);
                    byKey.put(k, list);
                }
                return byKey;
            }).forEach((k, list) -> out.put(k.key(), list));
        }
        return out;
    }

    @Override
    public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> listsByKey) {
        store.putAll(version, kind, listsByKey);
        // a version is written before it is activated; a rewrite of a key (a retried load) must not serve the old list
        listsByKey.keySet().forEach(key -> lists.remove(new Key(version, kind, key)));
    }

    @Override
    public void deleteVersion(String version) {
        store.deleteVersion(version);
        lists.removeIf(k -> k.version().equals(version));
    }
}
