package dev.marquee.domain.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Offline metrics on a leave-last-out split. Full ranking: every item is ranked for every test user, items the user
 * trained on excluded; HR@K (= Recall@K with one held-out item), NDCG@K, and catalog coverage of the top K. Sampled
 * (NCF protocol, He et al. 2017): the held-out item ranked among 100 sampled items the user never interacted with.
 */
public final class RankingMetrics {
    public static final int[] CUTOFFS = {10, 20, 50};
    private static final int NEGATIVES = 100;

    private RankingMetrics() {
    }

    public static Map<String, Double> evaluate(HeldOut split, Scorer scorer, long seed) {
        InteractionMatrix train = split.train();
        int items = train.items();
        float[] scores = new float[items];
        double[] hits = new double[CUTOFFS.length];
        double[] ndcg = new double[CUTOFFS.length];
        boolean[][] covered = new boolean[CUTOFFS.length][items];
        double sampledHr = 0;
        double sampledNdcg = 0;
        int tested = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        int maxK = CUTOFFS[CUTOFFS.length - 1];
        for (int user = 0; user < train.users(); user++) {
            int target = split.testItem()[user];
            if (target < 0) {
                continue;
            }
            tested++;
            scorer.scoreAll(user, scores);
            int[] seen = train.itemsOf(user);
            for (int i : seen) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
            int[] top = topK(scores, maxK);
            for (int c = 0; c < CUTOFFS.length; c++) {
                for (int r = 0; r < Math.min(CUTOFFS[c], top.length); r++) {
                    covered[c][top[r]] = true;
                    if (top[r] == target) {
                        hits[c] += 1;
                        ndcg[c] += 1 / log2(r + 2);
                    }
                }
            }
            // sampled: rank among 100 negatives the user never touched
            float targetScore = scores[target];
            int higher = 0;
            for (int n = 0; n < NEGATIVES; n++) {
                int neg;
                do {
                    neg = rnd.nextInt(items);
                } while (neg == target || Arrays.binarySearch(seen, neg) >= 0);
                if (scores[neg] > targetScore) {
                    higher++;
                }
            }
            if (higher < 10) {
                sampledHr += 1;
                sampledNdcg += 1 / log2(higher + 2);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int denominator = Math.max(1, tested);
        for (int c = 0; c < CUTOFFS.length; c++) {
            int k = CUTOFFS[c];
            out.put("hr@" + k, hits[c] / denominator);
            out.put("recall@" + k, hits[c] / denominator);
            out.put("ndcg@" + k, ndcg[c] / denominator);
            int cov = 0;
            for (boolean b : covered[c]) {
                cov += b ? 1 : 0;
            }
            out.put("coverage@" + k, (double) cov / items);
        }
        out.put("hr@10_sampled", sampledHr / denominator);
        out.put("ndcg@10_sampled", sampledNdcg / denominator);
        out.put("test_users", (double) tested);
        return out;
    }

    /**
     * Each tested user's NDCG@k (0 when the held-out item is not in the top k, items trained on excluded), in user
     * order: two models' arrays pair up user by user, for {@link PairedBootstrap}.
     */
    public static double[] ndcgPerUser(HeldOut split, Scorer scorer, int k) {
        InteractionMatrix train = split.train();
        float[] scores = new float[train.items()];
        double[] out = new double[train.users()];
        int tested = 0;
        for (int user = 0; user < train.users(); user++) {
            int target = split.testItem()[user];
            if (target < 0) {
                continue;
            }
            scorer.scoreAll(user, scores);
            for (int i : train.itemsOf(user)) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
            int[] top = topK(scores, k);
            double gain = 0;
            for (int r = 0; r < top.length; r++) {
                if (top[r] == target) {
                    gain = 1 / log2(r + 2);
                }
            }
            out[tested++] = gain;
        }
        return Arrays.copyOf(out, tested);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Indices of the k highest scores, best first (a bounded min-heap; ties by lower index). */
    static int[] topK(float[] scores, int k) {
        int n = Math.min(k, scores.length);
        int[] heap = new int[n];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            if (size < n) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (scores[i] > scores[heap[0]]) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static boolean less(float[] s, int a, int b) {
        return s[a] < s[b] || (s[a] == s[b] && a > b);
    }

    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(s, h[i], h[parent])) {
                return;
            }
            int t = h[i];
            h[i] = h[parent];
            h[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < size && less(s, h[l], h[min])) {
                min = l;
            }
            if (r < size && less(s, h[r], h[min])) {
                min = r;
            }
            if (min == i) {
                return;
            }
            int t = h[i];
            h[i] = h[min];
            h[min] = t;
            i = min;
        }
    }
}
