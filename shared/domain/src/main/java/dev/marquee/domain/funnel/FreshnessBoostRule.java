package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Moves recent releases up: each item's rank utility {@code (n - position) / n} is multiplied by
 * {@code 1 + boost * 2^(-age / halfLife)} and the list is re-sorted by it (stable). Working on ranks, not raw
 * scores, it behaves the same whether the ranker scored the list or the candidates kept their generators' scores.
 * Scores are left as they were.
 */
public final class FreshnessBoostRule implements ReRankRule {
    public static final String NAME = "freshness";
    private final double boost;
    private final Duration halfLife;

    public FreshnessBoostRule(double boost, Duration halfLife) {
        if (boost < 0 || halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("freshness boost must be >= 0 and its half-life positive");
        }
        this.boost = boost;
        this.halfLife = halfLife;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        int n = ranked.size();
        if (n < 2 || boost == 0) {
            return ranked;
        }
        record Boosted(Recommendation r, double utility) {
        }
        List<Boosted> boosted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Recommendation r = ranked.get(i);
            boosted.add(new Boosted(r, (double) (n - i) / n * (1 + boost * freshness(items.get(r.itemId()), context.now()))));
        }
        boosted.sort(Comparator.comparingDouble(Boosted::utility).reversed());
        return boosted.stream().map(Boosted::r).toList();
    }

    /** 1 for an item released now, 1/2 one half-life ago, 0 for an unknown or future release date. */
    double freshness(Item item, Instant now) {
        if (item == null || item.releasedAt() == null || item.releasedAt().isAfter(now)) {
            return 0;
        }
        double ages = (double) Duration.between(item.releasedAt(), now).toSeconds() / halfLife.toSeconds();
        return Math.pow(2, -ages);
    }
}
