package dev.marquee.domain.training;

import java.util.stream.IntStream;

/**
 * Per-user candidates: the top N items by factor score, the items the user trained on excluded, in parallel over
 * users. A user with no training items (every pair net-negative) gets an empty list.
 */
public final class UserCandidates {
    private UserCandidates() {
    }

    public static Ranked[] compute(Factors f, InteractionMatrix train, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be positive");
        }
        if (train.users() != f.userCount() || train.items() != f.itemCount()) {
            throw new IllegalArgumentException("factors and matrix disagree on shape");
        }
        Ranked[] out = new Ranked[train.users()];
        IntStream.range(0, train.users()).parallel().forEach(u -> {
            if (train.countOf(u) == 0) {
                out[u] = Ranked.EMPTY;
                return;
            }
            float[] scores = new float[train.items()];
            f.scoreAll(u, scores);
            for (int i : train.itemsOf(u)) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
            out[u] = SimilarItems.ranked(scores, topN);
        });
        return out;
    }
}
