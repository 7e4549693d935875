package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Recommendation;

import java.util.List;

/** Drops what the user has already interacted with, and what the caller asked to exclude. */
public final class RemoveSeenRule implements ReRankRule {
    @Override
    public String name() {
        return "remove_seen";
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context) {
        return ranked.stream()
                .filter(r -> !context.seen().contains(r.itemId()) && !context.request().exclude().contains(r.itemId()))
                .toList();
    }
}
