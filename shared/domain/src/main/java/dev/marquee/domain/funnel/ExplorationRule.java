package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exploration slots: {@code share} of the answer's positions go to items released at most {@code maxItemAge} ago
 * that ranked below the cut, so new items with no history yet get exposure and, through it, the events the next
 * model learns from. Which ones is random but reproducible: seeded by user and day, so a user's page is stable
 * within a day while different users explore different items. Explained as {@code exploration}; the source stays.
 */
public final class ExplorationRule implements ReRankRule {
    public static final String NAME = "exploration";
    private final double share;
    private final Duration maxItemAge;

    public ExplorationRule(double share, Duration maxItemAge) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("exploration share must be between 0 and 1");
        }
        this.share = share;
        this.maxItemAge = maxItemAge;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        int limit = Math.min(context.request().limit(), ranked.size());
        int slots = Slots.count(share, limit);
        if (slots == 0) {
            return ranked;
        }
        Instant now = context.now();
        List<Recommendation> pool = new ArrayList<>();
        for (int i = limit - slots; i < ranked.size(); i++) {
            Item item = items.get(ranked.get(i).itemId());
            if (item != null && CatalogIndex.releasedWithin(item, now, maxItemAge)) {
                pool.add(ranked.get(i));
            }
        }
        if (pool.isEmpty()) {
            return ranked;
        }
        SplittableRandom random = new SplittableRandom(seed(context.request().userId(), now));
        List<Recommendation> chosen = new ArrayList<>(slots);
        while (chosen.size() < slots && !pool.isEmpty()) {
            Recommendation r = pool.remove(random.nextInt(pool.size()));
            chosen.add(r.withReason(new Reason(ReasonType.EXPLORATION, null, null)));
        }
        return Slots.place(ranked, chosen, Slots.spread(chosen.size(), limit, 0));
    }

    private static long seed(String userId, Instant now) {
        return userId.hashCode() * 0x9E3779B97F4A7C15L + now.getEpochSecond() / 86_400;
    }
}
