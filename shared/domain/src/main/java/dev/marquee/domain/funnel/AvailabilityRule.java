package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.ItemCatalog;

import java.util.List;
import java.util.Map;

/**
 * Licensing: keeps only items in the catalog and available in the user's country. An item the catalog does not
 * know is dropped (it may have been withdrawn). The funnel fetches the entries; when the catalog is down it serves
 * its in-memory fallback instead, never unchecked items.
 */
public final class AvailabilityRule implements ReRankRule {
    public static final String NAME = "availability";
    private final ItemCatalog ownCatalog;

    public AvailabilityRule() {
        this(null);
    }

    /** Reads the entries from {@code catalog} itself, for a funnel built without one. */
    public AvailabilityRule(ItemCatalog catalog) {
        this.ownCatalog = catalog;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> entries) {
        Map<String, Item> items = ownCatalog == null ? entries : ownCatalog.getAll(ranked.stream().map(Recommendation::itemId).toList());
        return ranked.stream()
                .filter(r -> {
                    Item item = items.get(r.itemId());
                    return item != null && item.isAvailableIn(context.country());
                })
                .toList();
    }
}
