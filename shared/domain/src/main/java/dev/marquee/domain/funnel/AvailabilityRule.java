package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.ItemCatalog;

import java.util.List;
import java.util.Map;

/**
 * Licensing: keeps only items in the catalog and available in the user's country. An item the catalog does
 * not know is dropped (it may have been withdrawn). A catalog outage propagates: the funnel then serves its
 * in-memory fallback, never unchecked items.
 */
public final class AvailabilityRule implements ReRankRule {
    private final ItemCatalog catalog;

    public AvailabilityRule(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "availability";
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context) {
        Map<String, Item> items = catalog.getAll(ranked.stream().map(Recommendation::itemId).toList());
        return ranked.stream()
                .filter(r -> {
                    Item item = items.get(r.itemId());
                    return item != null && item.isAvailableIn(context.country());
                })
                .toList();
    }
}
