package dev.marquee.domain.training;

import java.util.stream.IntStream;

/**
 * Item-to-item neighbours: the top N items by cosine of their factor vectors, the item itself excluded, computed in
 * parallel over items (O(items^2 k): fine up to some tens of thousands of items). An item whose vector is zero has
 * no neighbours and is nobody's neighbour.
 */
public final class SimilarItems {
    /**
     * The factor neighbours' share when blended with windowed co-occurrence ({@link BlendedSimilarItems}), chosen on
     * validation splits of the training data only: item-to-item NDCG@10 with window 10 for shares 0.1/0.3/0.5/0.7
     * was 0.0655/0.0649/0.0611/0.0595 on MovieLens 100K and 0.0512/0.0485/0.0467/0.0437 on latest-small; with window 5
     * and 0.1, 0.0610 and 0.0565, against 0.0507 and 0.0383 for the factors alone. So co-occurrence leads and the
     * factors fill the lists of items with few co-occurrences (1: factors only).
     */
    public static final double DEFAULT_FACTOR_SHARE = 0.1;

    private SimilarItems() {
    }

    public static Ranked[] compute(Factors f, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be positive");
        }
        int k = f.k();
        int n = f.itemCount();
        float[] unit = new float[n * k];
        boolean[] zero = new boolean[n];
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(Linear.dot(f.items(), i * k, f.items(), i * k, k));
            zero[i] = norm == 0;
            for (int j = 0; j < k; j++) {
                unit[i * k + j] = zero[i] ? 0 : (float) (f.items()[i * k + j] / norm);
            }
        }
        Ranked[] out = new Ranked[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            if (zero[i]) {
                out[i] = Ranked.EMPTY;
                return;
            }
            float[] scores = new float[n];
            for (int j = 0; j < n; j++) {
                scores[j] = zero[j] || j == i ? Float.NEGATIVE_INFINITY : (float) Linear.dot(unit, i * k, unit, j * k, k);
            }
            out[i] = ranked(scores, topN);
        });
        return out;
    }

    static Ranked ranked(float[] scores, int topN) {
        int[] top = RankingMetrics.topK(scores, topN);
        float[] s = new float[top.length];
        for (int r = 0; r < top.length; r++) {
            s[r] = scores[top[r]];
        }
        return new Ranked(top, s);
    }
}
