package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ResponseCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryResponseCache implements ResponseCache {
    private record Entry(String value, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Map<String, Entry>> byUser = new ConcurrentHashMap<>();

    public InMemoryResponseCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String userId, String requestKey) {
        Entry e = byUser.getOrDefault(userId, Map.of()).get(requestKey);
        if (e == null || !e.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    @Override
    public void put(String userId, String requestKey, String response, Duration ttl) {
        byUser.computeIfAbsent(userId, u -> new ConcurrentHashMap<>()).put(requestKey, new Entry(response, clock.instant().plus(ttl)));
    }

    @Override
    public void invalidate(String userId) {
        byUser.remove(userId);
    }
}
