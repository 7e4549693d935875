package dev.marquee.domain.funnel;

import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the generators and rules know about one request, gathered once in stage 1 of the funnel:
 * the profile, the real-time history (recent interactions newest first, the seen set), the active model version
 * and the request's clock reading, so every rule ages items against the same instant.
 */
public record RecommendationContext(
        RecommendationRequest request,
        UserProfile profile,
        Segment segment,
        Set<String> seen,
        String modelVersion,
        List<RecentInteraction> recent,
        Instant now) {

    public RecommendationContext {
        seen = seen == null ? Set.of() : seen;
        recent = recent == null ? List.of() : List.copyOf(recent);
        now = now == null ? Instant.now() : now;
    }

    public RecommendationContext(RecommendationRequest request, UserProfile profile, Segment segment, Set<String> seen,
                                 String modelVersion) {
        this(request, profile, segment, seen, modelVersion, List.of(), Instant.now());
    }

    public String country() {
        return segment.country();
    }

    /** No interaction known yet: the onboarding answers until the first event arrives. */
    public boolean isCold() {
        return recent.isEmpty() && seen.isEmpty();
    }
}
