package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.util.List;
import java.util.Set;

/**
 * The last resort, held in memory: globally popular items with their catalog entries, so availability can be
 * checked without any store. Replaced wholesale when a new model version is loaded.
 */
public final class FallbackPopularity {
    public static final String SOURCE = "fallback_popular";

    private record Entry(Item item, double score) {
    }

    private volatile List<Entry> entries = List.of();

    public void replace(List<Item> itemsBestFirst) {
        int n = itemsBestFirst.size();
        entries = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Entry(itemsBestFirst.get(i), (double) (n - i) / n))
                .toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Recommendation> recommend(String country, Set<String> excluded, int limit) {
        return recommend(country, excluded, ItemFilter.NONE, limit);
    }

    /** The request's filter holds here too: a last resort must not answer "dramas only" with comedies. */
    public List<Recommendation> recommend(String country, Set<String> excluded, ItemFilter filter, int limit) {
        return entries.stream()
                .filter(e -> e.item().isAvailableIn(country) && !excluded.contains(e.item().itemId()) && filter.matches(e.item()))
                .limit(limit)
                .map(e -> new Recommendation(e.item().itemId(), e.score(), Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), SOURCE))
                .toList();
    }
}
