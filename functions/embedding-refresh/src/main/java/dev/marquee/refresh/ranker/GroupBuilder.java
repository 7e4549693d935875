package dev.marquee.refresh.ranker;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.ranking.FeatureExtractor;
import dev.marquee.domain.ranking.FeatureInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Turns labelled requests into feature rows with the shared {@link FeatureExtractor}. The rows of a request are items
 * of the user's candidate pool (what stage 1 would have proposed; an engaged item outside the pool is not a ranking
 * decision the ranker makes, so it is left out): for training, the engaged items, the impressions not engaged with,
 * and {@code negatives} items sampled from the rest of the pool; for evaluation ({@code negatives < 0}) the whole pool,
 * so the model reorders exactly the list the candidate order is judged on.
 */
public final class GroupBuilder {
    private final FeatureExtractor extractor = new FeatureExtractor();

    /**
     * @param pools     the user's candidates, best first (sources kept)
     * @param negatives sampled negatives per request; negative: the whole pool
     * @param skipWithoutPositive drop requests none of whose engaged items is in the pool (training: no signal)
     */
    public RankingGroups build(List<LabeledRequest> requests, FeatureInputs inputs, Function<String, List<Candidate>> pools,
                               int negatives, boolean skipWithoutPositive, long seed) {
        int width = extractor.schema().width();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> blocks = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (LabeledRequest request : requests) {
            List<Candidate> pool = pools.apply(request.query().userId());
            if (pool == null || pool.isEmpty()) {
                continue;
            }
            List<Candidate> chosen = choose(pool, request.grades(), negatives, rnd);
            boolean positive = chosen.stream().anyMatch(c -> request.grades().getOrDefault(c.itemId(), 0) > 0);
            if (skipWithoutPositive && !positive) {
                continue;
            }
            List<String> itemIds = new ArrayList<>(chosen.size());
            List<String> sources = new ArrayList<>(chosen.size());
            for (Candidate c : chosen) {
                itemIds.add(c.itemId());
                sources.add(c.source());
                labels.add((float) request.grades().getOrDefault(c.itemId(), 0));
            }
            float[] block = new float[chosen.size() * width];
            extractor.extract(request.query(), inputs, itemIds, sources, block);
            blocks.add(block);
            ids.addAll(itemIds);
            sizes.add(chosen.size());
        }
        float[] rows = new float[labels.size() * width];
        int at = 0;
        for (float[] b : blocks) {
            System.arraycopy(b, 0, rows, at, b.length);
            at += b.length;
        }
        float[] l = new float[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return new RankingGroups(width, rows, l, sizes.stream().mapToInt(Integer::intValue).toArray(), ids.toArray(String[]::new));
    }

    /** Pool items for one request, in pool order. */
    private static List<Candidate> choose(List<Candidate> pool, Map<String, Integer> grades, int negatives, SplittableRandom rnd) {
        if (negatives < 0) {
            return pool;
        }
        boolean[] keep = new boolean[pool.size()];
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (grades.containsKey(pool.get(i).itemId())) {
                keep[i] = true;
            } else {
                rest.add(i);
            }
        }
        // partial Fisher-Yates: the first `negatives` of rest become a uniform sample
        int take = Math.min(negatives, rest.size());
        for (int i = 0; i < take; i++) {
            int j = i + rnd.nextInt(rest.size() - i);
            int t = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, t);
            keep[rest.get(i)] = true;
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (keep[i]) {
                out.add(pool.get(i));
            }
        }
        return out;
    }

}
