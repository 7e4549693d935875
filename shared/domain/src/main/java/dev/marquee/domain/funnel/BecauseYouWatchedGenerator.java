package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.CandidateStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-to-item from the user's most recent positive interactions ("because you watched X"): neighbours of each recent
 * item, the nearest first, weighted down the further back the item is, each explained by the item that brought it.
 * Reads the real-time recent list of the request context, so it reflects an event the moment it is ingested.
 */
public final class BecauseYouWatchedGenerator implements CandidateGenerator {
    public static final String NAME = "because_you_watched";
    private static final int RECENT_ITEMS = 5;

    private final CandidateStore store;

    public BecauseYouWatchedGenerator(CandidateStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        if (context.modelVersion() == null) {
            return List.of();
        }
        Set<String> anchors = new LinkedHashSet<>();
        for (RecentInteraction r : context.recent()) {
            if (r.type().defaultWeight() > 0 && anchors.size() < RECENT_ITEMS) {
                anchors.add(r.itemId());
            }
        }
        // the anchors' lists in one read: one round trip, not one per recent item
        Map<String, List<Candidate>> lists = store.getAll(context.modelVersion(), CandidateKind.SIMILAR, anchors);
        Map<String, Recommendation> best = new HashMap<>();
        int position = 0;
        for (String anchor : anchors) {
            double recency = 1.0 / (1 + position++);
            for (Candidate neighbour : lists.getOrDefault(anchor, List.of())) {
                if (anchors.contains(neighbour.itemId())) {
                    continue;
                }
                double score = neighbour.score() * recency;
                Recommendation current = best.get(neighbour.itemId());
                if (current == null || current.score() < score) {
                    best.put(neighbour.itemId(), new Recommendation(neighbour.itemId(), score,
                            new Reason(ReasonType.BECAUSE_YOU_WATCHED, anchor, null), NAME));
                }
            }
        }
        List<Recommendation> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(Recommendation::itemId));
        return List.copyOf(ranked.subList(0, Math.min(max, ranked.size())));
    }
}
