package dev.marquee.refresh.ranker;

import java.util.Arrays;

/**
 * NDCG@K of evaluation groups, for the candidate order (rows as stage 1 listed them) and for a model's scores, with
 * gains {@code 2^grade - 1} as {@code rank:ndcg} optimises. A group with no engaged item counts 0 for both orders.
 */
public record GroupMetrics(double candidateNdcg, double rankedNdcg, int groups, int groupsWithPositive, int k) {

    public double lift() {
        return candidateNdcg == 0 ? 0 : rankedNdcg / candidateNdcg - 1;
    }

    public static GroupMetrics of(RankingGroups g, float[] scores, int k) {
        double cand = 0;
        double ranked = 0;
        int withPositive = 0;
        int start = 0;
        for (int size : g.sizes()) {
            float[] labels = Arrays.copyOfRange(g.labels(), start, start + size);
            double ideal = idealDcg(labels, k);
            if (ideal > 0) {
                withPositive++;
                Integer[] identity = new Integer[size];
                Integer[] byScore = new Integer[size];
                for (int i = 0; i < size; i++) {
                    identity[i] = i;
                    byScore[i] = i;
                }
                int s0 = start;
                Arrays.sort(byScore, (a, b) -> Float.compare(scores[s0 + b], scores[s0 + a]));
                cand += dcg(labels, identity, k) / ideal;
                ranked += dcg(labels, byScore, k) / ideal;
            }
            start += size;
        }
        int n = Math.max(1, g.groupCount());
        return new GroupMetrics(cand / n, ranked / n, g.groupCount(), withPositive, k);
    }

    static double dcg(float[] labels, Integer[] order, int k) {
        double s = 0;
        for (int r = 0; r < Math.min(k, order.length); r++) {
            s += (Math.pow(2, labels[order[r]]) - 1) / (Math.log(r + 2) / Math.log(2));
        }
        return s;
    }

    private static double idealDcg(float[] labels, int k) {
        float[] sorted = labels.clone();
        Arrays.sort(sorted);
        Integer[] order = new Integer[sorted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i;
        }
        return dcg(sorted, order, k);
    }
}
