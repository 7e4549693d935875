package dev.marquee.refresh.ranker;

/**
 * Hyperparameters of the ranker. Trees and depth are bounded by the serving budget (500 candidates scored in well
 * under 2 ms, one intra-op thread): the default 100 trees of depth 5 are about 3,200 leaves.
 *
 * @param pool      candidates per user the ranker reorders (stage 1's list)
 * @param negatives sampled pool items per training request besides the engaged and impressed ones
 */
public record RankerParams(int trees, int depth, double eta, double minChildWeight, int pool, int negatives,
                           RelevanceGrades grades, long seed, int threads) {

    public static RankerParams defaults() {
        return new RankerParams(100, 5, 0.1, 1.0, 500, 50, RelevanceGrades.DEFAULT, 42,
                Runtime.getRuntime().availableProcessors());
    }

    public RankerParams {
        if (trees < 1 || depth < 1 || depth > 12 || !(eta > 0) || pool < 10 || negatives < 1 || threads < 1) {
            throw new IllegalArgumentException("ranker parameters out of range: trees " + trees + ", depth " + depth
                    + ", eta " + eta + ", pool " + pool + ", negatives " + negatives);
        }
    }

    public RankerParams withTrees(int t) {
        return new RankerParams(t, depth, eta, minChildWeight, pool, negatives, grades, seed, threads);
    }

    public RankerParams withDepth(int d) {
        return new RankerParams(trees, d, eta, minChildWeight, pool, negatives, grades, seed, threads);
    }

    public RankerParams withGrades(RelevanceGrades g) {
        return new RankerParams(trees, depth, eta, minChildWeight, pool, negatives, g, seed, threads);
    }
}
