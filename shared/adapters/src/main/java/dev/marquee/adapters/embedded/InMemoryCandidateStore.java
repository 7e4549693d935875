package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryCandidateStore implements CandidateStore {
    private record Key(String version, CandidateKind kind, String key) {
    }

    private final Map<Key, List<Candidate>> lists = new ConcurrentHashMap<>();

    @Override
    public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> listsByKey) {
        listsByKey.forEach((key, list) -> lists.put(new Key(version, kind, key), List.copyOf(list)));
    }

    @Override
    public List<Candidate> get(String version, CandidateKind kind, String key) {
        return lists.getOrDefault(new Key(version, kind, key), List.of());
    }

    @Override
    public void deleteVersion(String version) {
        lists.keySet().removeIf(k -> k.version().equals(version));
    }
}
