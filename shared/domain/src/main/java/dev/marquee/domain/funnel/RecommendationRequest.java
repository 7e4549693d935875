package dev.marquee.domain.funnel;

import java.util.Objects;
import java.util.Set;

/**
 * What the caller asked for; country and device override the profile's when given. {@code filter} restricts the
 * answer to matching items ({@link ItemFilter#NONE}: no restriction).
 */
public record RecommendationRequest(String userId, String surface, int limit, String country, String device, Set<String> exclude,
                                    ItemFilter filter) {
    public RecommendationRequest {
        Objects.requireNonNull(userId, "userId");
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        filter = filter == null ? ItemFilter.NONE : filter;
    }

    public RecommendationRequest(String userId, String surface, int limit, String country, String device, Set<String> exclude) {
        this(userId, surface, limit, country, device, exclude, ItemFilter.NONE);
    }
}
