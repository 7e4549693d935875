package dev.marquee.domain.port;

import java.time.Duration;
import java.util.Optional;

/** Short-lived cached responses, grouped per user so a new event can invalidate all of a user's entries at once. */
public interface ResponseCache {

    Optional<String> get(String userId, String requestKey);

    void put(String userId, String requestKey, String response, Duration ttl);

    void invalidate(String userId);

    /** Invalidates many users at once (an ingested batch); adapters that can should not pay a round trip each. */
    default void invalidateAll(java.util.Collection<String> userIds) {
        userIds.forEach(this::invalidate);
    }
}
