package dev.marquee.domain.popularity;

import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is trending at one instant, per country and globally: each event's weight decayed to {@code at} with the same
 * {@link TrendingDecay} the real-time trending features use (so the batch snapshot and the live scores share a scale),
 * summed per item. Events after {@code at} are ignored. Keys are {@link Segment#key()} of (country, any device) and
 * of {@link Segment#GLOBAL}.
 */
public final class TrendingSnapshot {
    public static final String SOURCE = "trending";

    private final EventWeights weights;
    private final TrendingDecay decay;
    private final Instant at;
    private final Map<String, Map<String, Double>> sums = new HashMap<>();

    public TrendingSnapshot(EventWeights weights, TrendingDecay decay, Instant at) {
        this.weights = weights;
        this.decay = decay;
        this.at = at;
    }

    public void add(InteractionEvent event) {
        double w = weights.weightOf(event);
        if (w == 0.0 || event.timestamp().isAfter(at)) {
            return;
        }
        double decayed = decay.storedIncrement(w, event.timestamp()) * decay.readFactor(decay.epochOf(event.timestamp()), at);
        String country = event.context().country();
        if (country != null) {
            sums.computeIfAbsent(new Segment(country, null).key(), k -> new HashMap<>()).merge(event.itemId(), decayed, Double::sum);
        }
        sums.computeIfAbsent(Segment.GLOBAL.key(), k -> new HashMap<>()).merge(event.itemId(), decayed, Double::sum);
    }

    /** The best {@code topN} items of every segment seen, positive scores only, best first (ties by item id). */
    public Map<String, List<Candidate>> topLists(int topN) {
        Map<String, List<Candidate>> out = new HashMap<>();
        sums.forEach((segment, perItem) -> {
            List<Candidate> ranked = new ArrayList<>();
            perItem.forEach((item, score) -> {
                if (score > 0) {
                    ranked.add(new Candidate(item, score, SOURCE));
                }
            });
            ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::itemId));
            out.put(segment, List.copyOf(ranked.subList(0, Math.min(topN, ranked.size()))));
        });
        return out;
    }
}
