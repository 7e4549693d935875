package dev.marquee.domain.funnel;

import java.util.Objects;
import java.util.Set;

/** What the caller asked for; country and device override the profile's when given. */
public record RecommendationRequest(String userId, String surface, int limit, String country, String device, Set<String> exclude) {
    public RecommendationRequest {
        Objects.requireNonNull(userId, "userId");
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    }
}
