package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Slot arithmetic shared by the rules that reserve positions of the answer (exploration, promotions). */
final class Slots {
    private Slots() {
    }

    /** {@code share} of {@code limit} positions, rounded down but at least one when the share is positive. */
    static int count(double share, int limit) {
        if (share <= 0 || limit <= 0) {
            return 0;
        }
        return Math.min(limit, Math.max(1, (int) Math.floor(share * limit)));
    }

    /** Evenly spread positions in [0, limit): for 2 of 10, positions 3 and 6. */
    static int[] spread(int slots, int limit, int offset) {
        int[] at = new int[slots];
        for (int i = 0; i < slots; i++) {
            at[i] = Math.min(limit - 1, (int) ((i + 1L) * limit / (slots + 1)) + offset);
        }
        return at;
    }

    /** The list with {@code chosen} moved (or inserted) at the given positions, in order; everything else keeps its order. */
    static List<Recommendation> place(List<Recommendation> ranked, List<Recommendation> chosen, int[] positions) {
        Set<String> moving = new HashSet<>();
        chosen.forEach(c -> moving.add(c.itemId()));
        List<Recommendation> rest = new ArrayList<>(ranked.size());
        for (Recommendation r : ranked) {
            if (!moving.contains(r.itemId())) {
                rest.add(r);
            }
        }
        List<Recommendation> out = new ArrayList<>(rest.size() + chosen.size());
        int next = 0;
        int restIndex = 0;
        while (out.size() < rest.size() + chosen.size()) {
            if (next < chosen.size() && out.size() == positions[next]) {
                out.add(chosen.get(next++));
            } else if (restIndex < rest.size()) {
                out.add(rest.get(restIndex++));
            } else {
                out.add(chosen.get(next++));
            }
        }
        return out;
    }
}
