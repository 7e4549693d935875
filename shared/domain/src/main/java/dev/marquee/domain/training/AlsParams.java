package dev.marquee.domain.training;

/**
 * Hyperparameters of implicit ALS. Confidence of an observed pair is {@code 1 + alpha * weight}; unobserved pairs
 * have confidence 1 and preference 0 (Hu, Koren, Volinsky 2008). Each least-squares solve runs {@code cgSteps}
 * conjugate-gradient steps warm-started from the previous factors (Takács, Pilászy, Tikk 2011), instead of a
 * k^3 Cholesky per row.
 */
public record AlsParams(int factors, int iterations, double regularization, double alpha, int cgSteps, long seed, int threads,
                        boolean weightedRegularization) {

    /** Plain (unweighted) regularisation: every row pays {@code regularization * |x|^2}. */
    public AlsParams(int factors, int iterations, double regularization, double alpha, int cgSteps, long seed, int threads) {
        this(factors, iterations, regularization, alpha, cgSteps, seed, threads, false);
    }

    public AlsParams {
        if (factors < 1 || iterations < 1 || cgSteps < 1 || threads < 1) {
            throw new IllegalArgumentException("factors, iterations, cgSteps and threads must be positive");
        }
        if (regularization < 0 || alpha <= 0) {
            throw new IllegalArgumentException("regularization must be >= 0 and alpha > 0");
        }
    }

    /**
     * Chosen on validation splits carved from the training data only (each user's test item dropped, the latest
     * remaining item held out: {@code ./marquee bench train --validation}), never on the test split. A first seeded
     * grid (factors 16-256, regularization plain 1-50 and weighted 0.05-0.4, alpha 1-20) picked weighted lambda 0.1,
     * 128 factors and alpha 5 on unweighted inputs (2.27x and 2.24x popularity's NDCG@10 on MovieLens 100K and
     * latest-small); with the per-user recency weighting of the inputs ({@link UserRecency#DEFAULT_HALF_LIFE}) the
     * recent pairs carry weights near 1 and the older ones near 0, and alpha 10 did best with it (half-life 3, alpha
     * 10/20/40: 2.65x/2.62x/2.69x on 100K, 3.31x/3.04x/2.96x on latest-small). 256 factors gain about 2% for about 3x
     * the time. Weighted lambda is also what Spark's ALS solves.
     */
    public static AlsParams defaults() {
        return new AlsParams(128, 15, 0.1, 10, 3, 42, Runtime.getRuntime().availableProcessors(), true);
    }

    public AlsParams withFactors(int k) {
        return new AlsParams(k, iterations, regularization, alpha, cgSteps, seed, threads, weightedRegularization);
    }

    public AlsParams withIterations(int n) {
        return new AlsParams(factors, n, regularization, alpha, cgSteps, seed, threads, weightedRegularization);
    }

    public AlsParams withAlpha(double a) {
        return new AlsParams(factors, iterations, regularization, a, cgSteps, seed, threads, weightedRegularization);
    }

    public AlsParams withRegularization(double r) {
        return new AlsParams(factors, iterations, r, alpha, cgSteps, seed, threads, weightedRegularization);
    }

    public AlsParams withCgSteps(int n) {
        return new AlsParams(factors, iterations, regularization, alpha, n, seed, threads, weightedRegularization);
    }

    public AlsParams withSeed(long s) {
        return new AlsParams(factors, iterations, regularization, alpha, cgSteps, s, threads, weightedRegularization);
    }

    public AlsParams withThreads(int n) {
        return new AlsParams(factors, iterations, regularization, alpha, cgSteps, seed, n, weightedRegularization);
    }

    /**
     * Weighted-lambda regularisation (Zhou et al. 2008, what Spark MLlib's ALS does): a row with n observed pairs pays
     * {@code regularization * n * |x|^2}, so heavy users and popular items are held back more.
     */
    public AlsParams withWeightedRegularization(boolean on) {
        return new AlsParams(factors, iterations, regularization, alpha, cgSteps, seed, threads, on);
    }
}
