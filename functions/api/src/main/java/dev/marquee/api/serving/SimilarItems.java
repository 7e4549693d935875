package dev.marquee.api.serving;

import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Items like a given one: the active model's item-to-item neighbours; for an item with none yet (new, no history),
 * neighbours from its metadata ({@link ContentNeighbours}, fallback {@code content_same_genre}); down to the in-memory
 * popularity list when stores are down. With a user, items the user has seen are removed.
 */
public final class SimilarItems {
    public static final String SOURCE = "similar_items";
    public static final String REASON = "similar_item";

    private final ActiveModel model;
    private final CandidateStore candidates;
    private final ItemCatalog catalog;
    private final FeatureStore features;
    private final PopularCatalog pool;
    private final FallbackPopularity fallback;
    private final ReadBudget budget;

    public SimilarItems(ActiveModel model, CandidateStore candidates, ItemCatalog catalog, FeatureStore features,
                        PopularCatalog pool, FallbackPopularity fallback, ReadBudget budget) {
        this.model = model;
        this.candidates = candidates;
        this.catalog = catalog;
        this.features = features;
        this.pool = pool;
        this.fallback = fallback;
        this.budget = budget;
    }

    /** Empty only when the catalog says the item does not exist and the model has no neighbours for it. */
    public Optional<ServedList> similar(String itemId, String userId, int limit) {
        Degradation degraded = new Degradation(budget);
        String version = model.versionOrNull(degraded);
        Set<String> excluded = new HashSet<>();
        excluded.add(itemId);
        if (userId != null) {
            Set<String> seen = degraded.attempt(() -> features.seen(userId), "features");
            if (seen != null) {
                excluded.addAll(seen);
            }
        }

        List<Candidate> neighbours = version == null ? null
                : degraded.attempt(() -> candidates.get(version, CandidateKind.SIMILAR, itemId), "candidates");
        if (neighbours != null && !neighbours.isEmpty()) {
            List<ListedItem> items = neighbours.stream()
                    .filter(c -> !excluded.contains(c.itemId()))
                    .limit(limit)
                    .map(c -> new ListedItem(c.itemId(), c.score(), REASON, null, SOURCE))
                    .toList();
            if (!items.isEmpty()) {
                return Optional.of(new ServedList(items, version, degraded.name()));
            }
        }

        Optional<Item> item = degraded.attempt(() -> catalog.get(itemId), "catalog");
        if (item != null && item.isEmpty() && (neighbours == null || neighbours.isEmpty())) {
            return Optional.empty();
        }
        if (item != null && item.isPresent() && version != null) {
            List<Item> popular = degraded.attempt(() -> pool.items(version), "popular_catalog");
            if (popular != null) {
                List<ListedItem> items = ContentNeighbours.of(item.get(), popular, excluded, limit);
                if (!items.isEmpty()) {
                    degraded.add(ContentNeighbours.SOURCE);
                    return Optional.of(new ServedList(items, version, degraded.name()));
                }
            }
        }
        degraded.add(StaticPopularity.NAME);
        return Optional.of(new ServedList(StaticPopularity.of(fallback, null, excluded, limit), version, degraded.name()));
    }
}
