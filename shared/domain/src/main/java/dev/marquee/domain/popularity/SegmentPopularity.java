package dev.marquee.domain.popularity;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Popularity per segment (country x device, and their broader parents): the sum of event weights per item,
 * negative events included, so an item people skip ranks below one they finish.
 * Feed it events one at a time (it holds only the per-segment sums), then take the top lists.
 */
public final class SegmentPopularity {
    public static final String SOURCE = "popular_in_segment";

    private final EventWeights weights;
    private final Map<Segment, Map<String, Double>> sums = new HashMap<>();

    public SegmentPopularity(EventWeights weights) {
        this.weights = weights;
    }

    public void add(InteractionEvent event) {
        double w = weights.weightOf(event);
        if (w == 0.0) {
            return;
        }
        Segment own = new Segment(event.context().country(), event.context().device());
        for (Segment s : own.fallbacks()) {
            sums.computeIfAbsent(s, k -> new HashMap<>()).merge(event.itemId(), w, Double::sum);
        }
    }

    /** The best {@code topN} items of every segment seen, positive totals only, keyed by {@link Segment#key()}. */
    public Map<String, List<Candidate>> topLists(int topN) {
        Map<String, List<Candidate>> out = new HashMap<>();
        sums.forEach((segment, perItem) -> {
            List<Candidate> ranked = new ArrayList<>();
            perItem.forEach((item, total) -> {
                if (total > 0) {
                    ranked.add(new Candidate(item, total, SOURCE));
                }
            });
            ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::itemId));
            out.put(segment.key(), List.copyOf(ranked.subList(0, Math.min(topN, ranked.size()))));
        });
        return out;
    }
}
