package dev.marquee.domain.funnel;

import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blends the generators' lists into one: round-robin by rank in generator order (each generator's best, then each
 * one's second...), so no single source crowds out the others before ranking. An item proposed by several keeps
 * the most specific reason ({@link #PRECEDENCE}; the earlier generator on a tie), that reason's score and source,
 * and every source that proposed it. Stops at {@code max} distinct items.
 */
public final class CandidateMerger {
    /** Most specific explanation first: what the user did beats what everyone does. */
    static final List<ReasonType> PRECEDENCE = List.of(ReasonType.BECAUSE_YOU_WATCHED, ReasonType.ONBOARDING_PREFERENCE,
            ReasonType.POPULAR_WITH_SIMILAR_USERS, ReasonType.TRENDING_IN_COUNTRY, ReasonType.NEW_RELEASE,
            ReasonType.RECOMMENDED_FOR_YOU, ReasonType.PROMOTED, ReasonType.EXPLORATION);

    private CandidateMerger() {
    }

    public static List<Recommendation> merge(List<List<Recommendation>> lists, int max) {
        Map<String, Integer> slotOf = new HashMap<>(Math.min(max, 1024) * 2);
        List<Recommendation> best = new ArrayList<>(Math.min(max, 1024));
        // extra sources per slot, allocated only for items proposed more than once
        Map<Integer, List<String>> extra = new HashMap<>();
        int longest = 0;
        for (List<Recommendation> l : lists) {
            longest = Math.max(longest, l.size());
        }
        for (int rank = 0; rank < longest; rank++) {
            for (List<Recommendation> list : lists) {
                if (rank >= list.size()) {
                    continue;
                }
                Recommendation r = list.get(rank);
                Integer slot = slotOf.get(r.itemId());
                if (slot == null) {
                    if (best.size() < max) {
                        slotOf.put(r.itemId(), best.size());
                        best.add(r);
                    }
                    continue;
                }
                Recommendation current = best.get(slot);
                List<String> sources = extra.computeIfAbsent(slot, k -> new ArrayList<>(current.sources()));
                for (String s : r.sources()) {
                    if (!sources.contains(s)) {
                        sources.add(s);
                    }
                }
                if (rank(r) < rank(current)) {
                    best.set(slot, r);
                }
            }
        }
        for (Map.Entry<Integer, List<String>> e : extra.entrySet()) {
            Recommendation r = best.get(e.getKey());
            List<String> ordered = new ArrayList<>(e.getValue().size());
            ordered.add(r.source());
            e.getValue().stream().filter(s -> !s.equals(r.source())).forEach(ordered::add);
            best.set(e.getKey(), new Recommendation(r.itemId(), r.score(), r.reason(), r.source(), ordered));
        }
        return best;
    }

    private static final int[] RANK_OF_TYPE = new int[ReasonType.values().length];

    static {
        java.util.Arrays.fill(RANK_OF_TYPE, PRECEDENCE.size());
        for (int i = 0; i < PRECEDENCE.size(); i++) {
            RANK_OF_TYPE[PRECEDENCE.get(i).ordinal()] = i;
        }
    }

    private static int rank(Recommendation r) {
        return RANK_OF_TYPE[r.reason().type().ordinal()];
    }
}
