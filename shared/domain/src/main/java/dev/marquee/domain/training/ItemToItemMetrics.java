package dev.marquee.domain.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An offline metric for item-to-item lists on a leave-last-out split: for each test user, the similar list of the
 * last item they trained on is taken as the recommendation ("because you watched X") and scored by where the
 * held-out next item lands: HR@10 and NDCG@10 over test users who have a last training item.
 */
public final class ItemToItemMetrics {
    private static final int K = 10;

    private ItemToItemMetrics() {
    }

    /**
     * @param lastTrained each user's latest training item, -1 for none
     * @param testItem    each user's held-out item, -1 for none
     */
    public static Map<String, Double> evaluate(Ranked[] similar, int[] lastTrained, int[] testItem) {
        double hits = 0;
        double ndcg = 0;
        int tested = 0;
        for (int u = 0; u < testItem.length; u++) {
            if (testItem[u] < 0 || lastTrained[u] < 0) {
                continue;
            }
            tested++;
            Ranked list = similar[lastTrained[u]];
            for (int r = 0; r < Math.min(K, list.size()); r++) {
                if (list.items()[r] == testItem[u]) {
                    hits++;
                    ndcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("i2i_hr@10", hits / Math.max(1, tested));
        out.put("i2i_ndcg@10", ndcg / Math.max(1, tested));
        out.put("i2i_users", (double) tested);
        return out;
    }
}
