package dev.marquee.domain.funnel;

import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, Recommendation> best = new LinkedHashMap<>();
        Map<String, List<String>> sources = new HashMap<>();
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
                Recommendation current = best.get(r.itemId());
                if (current == null) {
                    if (best.size() >= max) {
                        continue;
                    }
                    best.put(r.itemId(), r);
                    sources.put(r.itemId(), new ArrayList<>(r.sources()));
                    continue;
                }
                List<String> known = sources.get(r.itemId());
                for (String s : r.sources()) {
                    if (!known.contains(s)) {
                        known.add(s);
                    }
                }
                if (rank(r) < rank(current)) {
                    best.put(r.itemId(), r);
                }
            }
        }
        List<Recommendation> out = new ArrayList<>(best.size());
        for (Recommendation r : best.values()) {
            List<String> all = sources.get(r.itemId());
            if (all.size() == 1) {
                out.add(r);
            } else {
                List<String> ordered = new ArrayList<>(all.size());
                ordered.add(r.source());
                all.stream().filter(s -> !s.equals(r.source())).forEach(ordered::add);
                out.add(new Recommendation(r.itemId(), r.score(), r.reason(), r.source(), ordered));
            }
        }
        return out;
    }

    private static int rank(Recommendation r) {
        int i = PRECEDENCE.indexOf(r.reason().type());
        return i < 0 ? PRECEDENCE.size() : i;
    }
}
