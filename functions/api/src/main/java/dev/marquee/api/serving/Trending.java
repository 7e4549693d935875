package dev.marquee.api.serving;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.port.FeatureStore;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * What is trending now (decayed counters in the feature store), in a country or everywhere; when the feature store is
 * down or has nothing yet, the model bundle's popularity for that country ({@code bundle_popularity}), then the
 * in-memory list.
 */
public final class Trending {
    public static final String SOURCE = "trending";
    static final String BUNDLE_POPULARITY = "bundle_popularity";

    private final FeatureStore features;
    private final ActiveModel model;
    private final SegmentPopularity segments;
    private final FallbackPopularity fallback;
    private final ReadBudget budget;
    private final Clock clock;

    public Trending(FeatureStore features, ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback, Clock clock,
                    ReadBudget budget) {
        this.features = features;
        this.model = model;
        this.segments = segments;
        this.fallback = fallback;
        this.budget = budget;
        this.clock = clock;
    }

    public ServedList trending(String country, int limit) {
        Degradation degraded = new Degradation(budget);
        List<ScoredItem> top = degraded.attempt(
                () -> features.trending(country == null ? FeatureUpdate.GLOBAL : country, limit, clock.instant()), "features");
        if (top != null && !top.isEmpty()) {
            String reason = ReasonType.TRENDING_IN_COUNTRY.wireName();
            return new ServedList(top.stream().map(s -> new ListedItem(s.itemId(), round(s.score()), reason, null, SOURCE)).toList(),
                    null, null);
        }
        if (top != null) {
            degraded.add("no_trending_data");
        }
        String version = model.versionOrNull(degraded);
        if (version != null) {
            List<ListedItem> popular = degraded.attempt(() -> segments.popular(version, new Segment(country, null), limit), "candidates");
            if (popular != null && !popular.isEmpty()) {
                degraded.add(BUNDLE_POPULARITY);
                return new ServedList(popular, version, degraded.name());
            }
        }
        degraded.add(StaticPopularity.NAME);
        return new ServedList(StaticPopularity.of(fallback, country, Set.of(), limit), version, degraded.name());
    }

    private static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }
}
