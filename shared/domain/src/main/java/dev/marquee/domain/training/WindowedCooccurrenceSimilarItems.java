package dev.marquee.domain.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Item-to-item neighbours from co-occurrence within a window of a user's history: i and j count once each time they
 * are at most {@code window} positions apart in the same user's time-ordered interactions, scored by the same shrunk
 * cosine as {@link CooccurrenceSimilarItems} ({@code c_ij / sqrt(n_i n_j) * c_ij / (c_ij + shrink)}, n_i: the
 * interactions with i). Items played close together (one evening, one series) are what a "because you watched X"
 * list should offer next; whole-history co-counts mix in a user's unrelated tastes from years apart.
 */
public final class WindowedCooccurrenceSimilarItems {
    /**
     * Chosen on validation splits of the training data only ({@code ./marquee bench train --validation --cooc-window
     * W}): item-to-item NDCG@10 of the windowed lists alone for W = 3/5/10/30 was 0.0625/0.0629/0.0651/0.0570 on
     * MovieLens 100K and 0.0569/0.0588/0.0499/0.0434 on latest-small; 5 is best on their mean (factor neighbours
     * 0.0507 and 0.0383, whole-history co-occurrence 0.0526 and 0.0313).
     */
    public static final int DEFAULT_WINDOW = 5;
    /** Tried only at 10 for the windowed counts; for whole histories 2/10/50 gave 0.0535/0.0526/0.0482 on 100K. */
    public static final double DEFAULT_SHRINK = 10;
    private final int window;
    private final double shrink;

    public WindowedCooccurrenceSimilarItems(int window, double shrink) {
        if (window < 1 || !(shrink >= 0)) {
            throw new IllegalArgumentException("window must be positive and shrink >= 0");
        }
        this.window = window;
        this.shrink = shrink;
    }

    /** @param interactions of any order; non-positive weights are not plays and are skipped */
    public Ranked[] compute(int items, List<HeldOut.Interaction> interactions, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be positive");
        }
        HeldOut.Interaction[] seq = interactions.stream().filter(i -> i.weight() > 0)
                .sorted(Comparator.comparingInt(HeldOut.Interaction::user).thenComparingLong(HeldOut.Interaction::timeMillis)
                        .thenComparingInt(HeldOut.Interaction::item))
                .toArray(HeldOut.Interaction[]::new);
        int[] count = new int[items];
        int[] pairs = new int[items];
        forEachPair(seq, (a, b) -> {
            pairs[a]++;
            pairs[b]++;
        });
        for (HeldOut.Interaction i : seq) {
            count[i.item()]++;
        }
        // each item's co-items in one flat array (CSR), then counted per item in parallel
        int[] start = new int[items + 1];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + pairs[i];
        }
        int[] fill = Arrays.copyOf(start, items);
        int[] co = new int[start[items]];
        forEachPair(seq, (a, b) -> {
            co[fill[a]++] = b;
            co[fill[b]++] = a;
        });
        Ranked[] out = new Ranked[items];
        IntStream.range(0, items).parallel().forEach(i -> out[i] = neighbours(i, co, start, count, topN));
        return out;
    }

    private interface PairSink {
        void pair(int a, int b);
    }

    private void forEachPair(HeldOut.Interaction[] seq, PairSink sink) {
        for (int p = 0; p < seq.length; p++) {
            for (int q = p + 1; q < seq.length && q <= p + window && seq[q].user() == seq[p].user(); q++) {
                if (seq[q].item() != seq[p].item()) {
                    sink.pair(seq[p].item(), seq[q].item());
                }
            }
        }
    }

    private Ranked neighbours(int i, int[] co, int[] start, int[] count, int topN) {
        if (start[i] == start[i + 1]) {
            return Ranked.EMPTY;
        }
        int[] c = new int[count.length];
        for (int p = start[i]; p < start[i + 1]; p++) {
            c[co[p]]++;
        }
        float[] scores = new float[count.length];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = c[j] == 0 ? Float.NEGATIVE_INFINITY
                    : (float) (c[j] / Math.sqrt((double) count[i] * count[j]) * c[j] / (c[j] + shrink));
        }
        return SimilarItems.ranked(scores, topN);
    }
}
