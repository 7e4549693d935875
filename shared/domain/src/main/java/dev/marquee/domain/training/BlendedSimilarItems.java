package dev.marquee.domain.training;

import java.util.HashMap;
import java.util.Map;

/**
 * Two item-to-item lists merged by weighted reciprocal rank: an item at rank r (from 0) of a list earns
 * {@code w / (60 + r)} from it. Ranks rather than scores, because a factor cosine and a co-occurrence cosine live on
 * different scales; 60 is the usual constant of reciprocal rank fusion, flat enough that an item high in both lists
 * beats one at the top of only one. Ties go to the lower item index, so the result is deterministic.
 */
public final class BlendedSimilarItems {
    private static final double RANK_OFFSET = 60;
    private final double firstWeight;

    /** @param firstWeight the weight of the first list, in [0, 1]; the second gets the rest */
    public BlendedSimilarItems(double firstWeight) {
        if (!(firstWeight >= 0 && firstWeight <= 1)) {
            throw new IllegalArgumentException("firstWeight must be in [0, 1]");
        }
        this.firstWeight = firstWeight;
    }

    public Ranked[] blend(Ranked[] first, Ranked[] second, int topN) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the lists cover different item counts");
        }
        Ranked[] out = new Ranked[first.length];
        for (int i = 0; i < first.length; i++) {
            out[i] = blendOne(first[i], second[i], topN);
        }
        return out;
    }

    private Ranked blendOne(Ranked a, Ranked b, int topN) {
        Map<Integer, Double> score = new HashMap<>();
        for (int r = 0; r < a.size(); r++) {
            score.merge(a.items()[r], firstWeight / (RANK_OFFSET + r), Double::sum);
        }
        for (int r = 0; r < b.size(); r++) {
            score.merge(b.items()[r], (1 - firstWeight) / (RANK_OFFSET + r), Double::sum);
        }
        int[] items = score.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> x.getValue().equals(y.getValue()) ? Integer.compare(x.getKey(), y.getKey())
                        : Double.compare(y.getValue(), x.getValue()))
                .limit(topN).mapToInt(Map.Entry::getKey).toArray();
        float[] scores = new float[items.length];
        for (int r = 0; r < items.length; r++) {
            scores[r] = score.get(items[r]).floatValue();
        }
        return new Ranked(items, scores);
    }
}
