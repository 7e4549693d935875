package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.util.List;
import java.util.Map;

/** Drops what the user has already interacted with (the real-time seen set). */
public final class RemoveSeenRule implements ReRankRule {
    public static final String NAME = "remove_seen";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        if (context.seen().isEmpty()) {
            return ranked;
        }
        return ranked.stream().filter(r -> !context.seen().contains(r.itemId())).toList();
    }
}
