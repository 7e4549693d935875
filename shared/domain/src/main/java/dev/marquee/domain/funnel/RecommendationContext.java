package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;

import java.util.Set;

/** Everything the generators and rules know about one request, gathered once in stage 1 of the funnel. */
public record RecommendationContext(
        RecommendationRequest request,
        UserProfile profile,
        Segment segment,
        Set<String> seen,
        String modelVersion) {

    public String country() {
        return segment.country();
    }
}
