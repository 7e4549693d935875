package dev.marquee.domain.training;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS with conjugate-gradient solves. Each half-iteration fixes one side and solves, for every row
 * u of the other, (G + Y^T (C_u - I) Y) x_u = Y^T C_u p_u where G = Y^T Y + reg I is shared by all rows, so a row
 * costs O(n_u k + k^2) per CG step rather than a k^3 factorisation. Rows are independent and every float operation
 * follows the {@link Kernels} contract, so the factors are the same bits for any thread count, either kernel set and
 * any JIT state.
 */
public final class ImplicitAls {

    /** Called after every iteration, for progress reporting. */
    @FunctionalInterface
    public interface Progress {
        void iteration(int done, int total, double loss, double seconds);
    }

    private ImplicitAls() {
    }

    public static Factors train(InteractionMatrix m, AlsParams p, Progress progress) {
        return train(m, p, progress, Kernels.best());
    }

    /** As {@link #train(InteractionMatrix, AlsParams, Progress)} on the given kernels (to compare implementations). */
    public static Factors train(InteractionMatrix m, AlsParams p, Progress progress, Kernels kn) {
        int k = p.factors();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        float[] users = new float[m.users() * k];
        float[] items = new float[m.items() * k];
        // small random items, zero users: the first user half-step then starts from a sensible point
        double scale = 0.01;
        for (int j = 0; j < items.length; j++) {
            items[j] = (float) (rnd.nextGaussian() * scale);
        }
        ForkJoinPool pool = new ForkJoinPool(p.threads());
        try {
            long start = System.nanoTime();
            for (int it = 1; it <= p.iterations(); it++) {
                halfStep(kn, pool, m.users(), m.userStart, m.userItems, m.userWeights, users, items, m.items(), p);
                halfStep(kn, pool, m.items(), m.itemStart, m.itemUsers, m.itemWeights, items, users, m.users(), p);
                if (progress != null) {
                    progress.iteration(it, p.iterations(), loss(kn, m, users, items, p), (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Factors(k, users, items);
    }

    /** Solves every row of {@code x} against the fixed {@code y}. */
    private static void halfStep(Kernels kn, ForkJoinPool pool, int rows, int[] start, int[] cols, float[] weights,
                                 float[] x, float[] y, int yRows, AlsParams p) {
        int k = p.factors();
        float[] gram = kn.gramian(y, yRows, k, p.weightedRegularization() ? 0 : p.regularization());
        int chunk = 64;
        int chunks = (rows + chunk - 1) / chunk;
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                float[] r = new float[k];
                float[] d = new float[k];
                float[] ad = new float[k];
                for (int row = c * chunk, end = Math.min(rows, row + chunk); row < end; row++) {
                    solveRow(kn, row, start, cols, weights, x, y, gram, p, r, d, ad);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void solveRow(Kernels kn, int row, int[] start, int[] cols, float[] weights, float[] x, float[] y,
                                 float[] gram, AlsParams p, float[] r, float[] d, float[] ad) {
        int k = p.factors();
        int xo = row * k;
        double alpha = p.alpha();
        // weighted lambda: this row's own penalty on top of G (which then holds no regularisation)
        double ownReg = p.weightedRegularization() ? p.regularization() * (start[row + 1] - start[row]) : 0;
        // r = b - A x, with b = sum c_i y_i and A x = G x + ownReg x + sum (c_i - 1)(y_i . x) y_i
        kn.gram(gram, slice(x, xo, k, d), r, k);
        kn.axpy(ownReg, d, 0, r, 0, k);
        for (int j = 0; j < k; j++) {
            r[j] = -r[j];
        }
        for (int n = start[row]; n < start[row + 1]; n++) {
            int yo = cols[n] * k;
            double c = 1 + alpha * weights[n];
            double xy = kn.dot(y, yo, x, xo, k);
            kn.axpy(c - (c - 1) * xy, y, yo, r, 0, k);
        }
        System.arraycopy(r, 0, d, 0, k);
        double rr = kn.dot(r, 0, r, 0, k);
        for (int step = 0; step < p.cgSteps() && rr > 1e-12; step++) {
            kn.gram(gram, d, ad, k);
            kn.axpy(ownReg, d, 0, ad, 0, k);
            for (int n = start[row]; n < start[row + 1]; n++) {
                int yo = cols[n] * k;
                double c = 1 + alpha * weights[n];
                kn.axpy((c - 1) * kn.dot(y, yo, d, 0, k), y, yo, ad, 0, k);
            }
            double dad = kn.dot(d, 0, ad, 0, k);
            if (dad <= 0) {
                break;
            }
            double a = rr / dad;
            kn.axpy(a, d, 0, x, xo, k);
            kn.axpy(-a, ad, 0, r, 0, k);
            double rrNew = kn.dot(r, 0, r, 0, k);
            double beta = rrNew / rr;
            for (int j = 0; j < k; j++) {
                d[j] = (float) (r[j] + beta * d[j]);
            }
            rr = rrNew;
        }
    }

    private static float[] slice(float[] x, int from, int k, float[] into) {
        System.arraycopy(x, from, into, 0, k);
        return into;
    }

    /**
     * The full weighted loss over all user-item pairs without touching the unobserved ones: sum_u x_u^T (Y^T Y) x_u
     * counts every pair as unobserved, then each observed pair is corrected to c (1 - s)^2; plus the regularisation.
     * Reported per observed pair, so figures compare across data sets.
     */
    static double loss(Kernels kn, InteractionMatrix m, float[] users, float[] items, AlsParams p) {
        int k = p.factors();
        float[] g = kn.gramian(items, m.items(), k, 0);
        float[] gx = new float[k];
        double total = 0;
        for (int u = 0; u < m.users(); u++) {
            int uo = u * k;
            float[] xu = slice(users, uo, k, new float[k]);
            kn.gram(g, xu, gx, k);
            total += kn.dot(xu, 0, gx, 0, k);
            for (int n = m.userStart[u]; n < m.userStart[u + 1]; n++) {
                double s = kn.dot(users, uo, items, m.userItems[n] * k, k);
                double c = 1 + p.alpha() * m.userWeights[n];
                total += c * (1 - s) * (1 - s) - s * s;
            }
        }
        if (p.weightedRegularization()) {
            for (int u = 0; u < m.users(); u++) {
                total += p.regularization() * m.countOf(u) * kn.dot(users, u * k, users, u * k, k);
            }
            for (int i = 0; i < m.items(); i++) {
                total += p.regularization() * (m.itemStart[i + 1] - m.itemStart[i]) * kn.dot(items, i * k, items, i * k, k);
            }
        } else {
            total += p.regularization() * (kn.dot(users, 0, users, 0, users.length) + kn.dot(items, 0, items, 0, items.length));
        }
        return total / Math.max(1, m.nonZeros());
    }
}
