package dev.marquee.domain.training;

/**
 * Hyperparameters of implicit ALS. Confidence of an observed pair is {@code 1 + alpha * weight}; unobserved pairs
 * have confidence 1 and preference 0 (Hu, Koren, Volinsky 2008). Each least-squares solve runs {@code cgSteps}
 * conjugate-gradient steps warm-started from the previous factors (Takács, Pilászy, Tikk 2011), instead of a
 * k^3 Cholesky per row.
 */
public record AlsParams(int factors, int iterations, double regularization, double alpha, int cgSteps, long seed, int threads) {
    public AlsParams {
        if (factors < 1 || iterations < 1 || cgSteps < 1 || threads < 1) {
            throw new IllegalArgumentException("factors, iterations, cgSteps and threads must be positive");
        }
        if (regularization < 0 || alpha <= 0) {
            throw new IllegalArgumentException("regularization must be >= 0 and alpha > 0");
        }
    }

    public static AlsParams defaults() {
        return new AlsParams(64, 15, 0.05, 10.0, 3, 42, Runtime.getRuntime().availableProcessors());
    }

    public AlsParams withFactors(int k) {
        return new AlsParams(k, iterations, regularization, alpha, cgSteps, seed, threads);
    }

    public AlsParams withIterations(int n) {
        return new AlsParams(factors, n, regularization, alpha, cgSteps, seed, threads);
    }

    public AlsParams withAlpha(double a) {
        return new AlsParams(factors, iterations, regularization, a, cgSteps, seed, threads);
    }

    public AlsParams withRegularization(double r) {
        return new AlsParams(factors, iterations, r, alpha, cgSteps, seed, threads);
    }

    public AlsParams withCgSteps(int n) {
        return new AlsParams(factors, iterations, regularization, alpha, n, seed, threads);
    }

    public AlsParams withSeed(long s) {
        return new AlsParams(factors, iterations, regularization, alpha, cgSteps, s, threads);
    }

    public AlsParams withThreads(int n) {
        return new AlsParams(factors, iterations, regularization, alpha, cgSteps, seed, n);
    }
}
