package dev.marquee.domain.training;

import java.util.stream.IntStream;

/**
 * Item-to-item neighbours from co-occurrence: c_ij = the number of users who interacted with both i and j, scored as
 * a shrunk cosine {@code c_ij / sqrt(n_i n_j) * c_ij / (c_ij + shrink)} (n_i: users of i). The cosine keeps popular
 * items from being everybody's neighbour; the shrinkage keeps a pair seen together by one or two users from
 * outranking a well-supported one. Exact counts catch what a low-rank factorisation smooths away (sequels, series,
 * titles bought together). Cost: sum over users of their item count squared, parallel over items.
 */
public final class CooccurrenceSimilarItems {
    private final double shrink;

    public CooccurrenceSimilarItems(double shrink) {
        if (!(shrink >= 0)) {
            throw new IllegalArgumentException("shrink must be >= 0");
        }
        this.shrink = shrink;
    }

    public Ranked[] compute(InteractionMatrix m, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be positive");
        }
        int n = m.items();
        Ranked[] out = new Ranked[n];
        IntStream.range(0, n).parallel().forEach(i -> out[i] = neighbours(m, i, topN));
        return out;
    }

    private Ranked neighbours(InteractionMatrix m, int i, int topN) {
        int ni = m.itemStart[i + 1] - m.itemStart[i];
        if (ni == 0) {
            return Ranked.EMPTY;
        }
        int[] co = new int[m.items()];
        for (int p = m.itemStart[i]; p < m.itemStart[i + 1]; p++) {
            int u = m.itemUsers[p];
            for (int q = m.userStart[u]; q < m.userStart[u + 1]; q++) {
                co[m.userItems[q]]++;
            }
        }
        float[] scores = new float[m.items()];
        for (int j = 0; j < scores.length; j++) {
            int c = co[j];
            if (c == 0 || j == i) {
                scores[j] = Float.NEGATIVE_INFINITY;
                continue;
            }
            int nj = m.itemStart[j + 1] - m.itemStart[j];
            scores[j] = (float) (c / Math.sqrt((double) ni * nj) * c / (c + shrink));
        }
        return SimilarItems.ranked(scores, topN);
    }
}
