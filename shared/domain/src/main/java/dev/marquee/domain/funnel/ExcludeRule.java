package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.util.List;
import java.util.Map;

/** Drops the ids the caller asked to exclude ({@code exclude=} of the request), e.g. what is already on screen. */
public final class ExcludeRule implements ReRankRule {
    public static final String NAME = "exclude";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        var exclude = context.request().exclude();
        if (exclude.isEmpty()) {
            return ranked;
        }
        return ranked.stream().filter(r -> !exclude.contains(r.itemId())).toList();
    }
}
