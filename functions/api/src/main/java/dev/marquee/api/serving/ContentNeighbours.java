package dev.marquee.api.serving;

import dev.marquee.domain.model.Item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Neighbours of an item nobody has interacted with yet, from its metadata alone: the pool items sharing the most of its
 * genres (Jaccard overlap; tags break ties), more popular first among equals. Items sharing nothing are left out.
 */
public final class ContentNeighbours {
    public static final String SOURCE = "content_same_genre";
    public static final String REASON = "similar_content";

    private ContentNeighbours() {
    }

    /** @param pool candidate neighbours, most popular first */
    public static List<ListedItem> of(Item item, List<Item> pool, Set<String> excluded, int limit) {
        record Scored(Item item, double score, int rank) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int rank = 0; rank < pool.size(); rank++) {
            Item other = pool.get(rank);
            if (other.itemId().equals(item.itemId()) || excluded.contains(other.itemId())) {
                continue;
            }
            double genres = jaccard(item.genres(), other.genres());
            if (genres > 0) {
                scored.add(new Scored(other, genres + 0.1 * jaccard(item.tags(), other.tags()), rank));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::rank))
                .limit(limit)
                .map(s -> new ListedItem(s.item().itemId(), Math.round(s.score() * 1e6) / 1e6, REASON, null, SOURCE))
                .toList();
    }

    static double jaccard(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(new HashSet<>(b));
        return (double) both.size() / union.size();
    }
}
