package dev.marquee.api.cache;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;

import java.util.List;
import java.util.Map;

/**
 * Candidate lists held in memory once read: a list is immutable under its model version (the batch job writes a new
 * version rather than changing one), so a cached list is never stale; a new version simply misses. Failures are not
 * cached. Bounded (least recently used out) so a Lambda container's memory stays flat.
 */
public final class CachedCandidateStore implements CandidateStore {
    private record Key(String version, CandidateKind kind, String key) {
    }

    private final CandidateStore store;
    private final Lru<Key, List<Candidate>> lists;

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
        List<Candidate> read = List.copyOf(store.get(version, kind, key));
        lists.put(k, read);
        return read;
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
