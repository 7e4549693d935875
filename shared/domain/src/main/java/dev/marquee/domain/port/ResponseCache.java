package dev.marquee.domain.port;

import java.time.Duration;
import java.util.Optional;

/** Short-lived cached responses, grouped per user so a new event can invalidate all of a user's entries at once. */
public interface ResponseCache {

    Optional<String> get(String userId, String requestKey);

    void put(String userId, String requestKey, String response, Duration ttl);

    void invalidate(String userId);
}
