package dev.marquee.domain.model;

import java.util.List;

/**
 * The answer to a recommendation request. {@code fallback} names the degraded path that served it
 * (null when the full path served it), so an outage is visible in the response, never silent.
 */
public record RecommendationList(
        String userId,
        List<Recommendation> items,
        String modelVersion,
        String variant,
        String trackingToken,
        String fallback) {
    public RecommendationList {
        items = List.copyOf(items);
    }
}
