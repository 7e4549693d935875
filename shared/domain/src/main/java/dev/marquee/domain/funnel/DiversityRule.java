package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Genre diversity over the answer: in any {@code window} consecutive positions at most {@code maxPerGenre} items
 * share a genre. Greedy and order-preserving: each position takes the best remaining item that keeps the cap, and
 * only when none can (too few genres) the best remaining one. Positions past the requested limit keep their order.
 */
public final class DiversityRule implements ReRankRule {
    public static final String NAME = "diversity";
    private final int maxPerGenre;
    private final int window;

    public DiversityRule(int maxPerGenre, int window) {
        if (maxPerGenre < 1 || window < 2) {
            throw new IllegalArgumentException("diversity needs max-per-genre >= 1 and window >= 2");
        }
        this.maxPerGenre = maxPerGenre;
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        int slots = Math.min(context.request().limit(), ranked.size());
        LinkedList<Recommendation> remaining = new LinkedList<>(ranked);
        List<Recommendation> out = new ArrayList<>(ranked.size());
        while (out.size() < slots) {
            Map<String, Integer> inWindow = genresOfLast(out, window - 1, items);
            Recommendation pick = null;
            for (var it = remaining.iterator(); it.hasNext(); ) {
                Recommendation r = it.next();
                if (fits(items.get(r.itemId()), inWindow)) {
                    pick = r;
                    it.remove();
                    break;
                }
            }
            out.add(pick != null ? pick : remaining.removeFirst());
        }
        out.addAll(remaining);
        return out;
    }

    private boolean fits(Item item, Map<String, Integer> inWindow) {
        if (item == null) {
            return true;
        }
        for (String g : item.genres()) {
            if (inWindow.getOrDefault(g, 0) >= maxPerGenre) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> genresOfLast(List<Recommendation> out, int count, Map<String, Item> items) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = Math.max(0, out.size() - count); i < out.size(); i++) {
            Item item = items.get(out.get(i).itemId());
            if (item != null) {
                item.genres().forEach(g -> counts.merge(g, 1, Integer::sum));
            }
        }
        return counts;
    }
}
