package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.util.List;
import java.util.Map;

/** Keeps only the items matching the request's filter expression ({@code filter=genre:comedy,content_type:movie}). */
public final class FilterRule implements ReRankRule {
    public static final String NAME = "filter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        ItemFilter filter = context.request().filter();
        if (filter.isNone()) {
            return ranked;
        }
        return ranked.stream().filter(r -> {
            Item item = items.get(r.itemId());
            return item != null && filter.matches(item);
        }).toList();
    }
}
