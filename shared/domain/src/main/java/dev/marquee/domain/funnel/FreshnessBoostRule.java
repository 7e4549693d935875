package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves recent releases up: each item's rank utility {@code 1 / log2(position + 2)} (the DCG discount) is multiplied
 * by {@code 1 + boost * 2^(-age / halfLife)} and the list is re-sorted by it (stable). Working on ranks, not raw
 * scores, it behaves the same whether the ranker scored the list or the candidates kept their generators' scores;
 * with the DCG discount a boost moves an item a place or two near the top and further down the list, where ranks
 * are closer in value. Scores are left as they were.
 */
public final class FreshnessBoostRule implements ReRankRule {
    public static final String NAME = "freshness";
    private final double boost;
    private static final double LN2 = Math.log(2);
    private final double halfLifeSeconds;

    public FreshnessBoostRule(double boost, Duration halfLife) {
        if (boost < 0 || halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("freshness boost must be >= 0 and its half-life positive");
        }
        this.boost = boost;
        this.halfLifeSeconds = halfLife.toSeconds();
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
        double[] utility = new double[n];
        Integer[] order = new Integer[n];
        Instant now = context.now();
        for (int i = 0; i < n; i++) {
            order[i] = i;
            utility[i] = LN2 / Math.log(i + 2) * (1 + boost * freshness(items.get(ranked.get(i).itemId()), now));
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(utility[b], utility[a]));
        List<Recommendation> out = new ArrayList<>(n);
        for (Integer i : order) {
            out.add(ranked.get(i));
        }
        return out;
    }

    /** 1 for an item released now, 1/2 one half-life ago, 0 for an unknown or future release date. */
    double freshness(Item item, Instant now) {
        if (item == null || item.releasedAt() == null || item.releasedAt().isAfter(now)) {
            return 0;
        }
        double ages = (double) (now.getEpochSecond() - item.releasedAt().getEpochSecond()) / halfLifeSeconds;
        return Math.exp(-ages * LN2);
    }
}
