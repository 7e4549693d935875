package dev.marquee.domain.training;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dense kernels of ALS (dot products, axpy, the Gram matrix and its products) on flat row-major float arrays.
 * Two implementations: {@link #PLAIN} (scalar loops) and, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, an explicit SIMD one; {@link #best()} picks at run time.
 *
 * <p>Both follow one arithmetic contract, so a model trains to the same bits on either, on any SIMD width, whatever
 * the JIT has compiled so far (the Vector API's {@code reduceLanes(ADD)} leaves the order of its float sum open, and
 * it differs between the interpreter and C2: the same fit used to score differently in two JVMs):
 * <ul>
 * <li>{@link #dot}: {@value #LANES} logical lanes, lane l accumulating {@code a[j] * b[j]} for j = l mod 16 over the
 * whole blocks of 16, each step a fused multiply-add, in index order; the lanes are summed by a fixed halving tree
 * (lane i += lane i + 8, then + 4, + 2, + 1); the k mod 16 tail entries are then added by fused multiply-add in index
 * order;</li>
 * <li>{@link #axpy}: {@code y[j] = fma(s, x[j], y[j])} for each j;</li>
 * <li>{@link #gramian}: shared here, built on axpy.</li>
 * </ul>
 */
public interface Kernels {
    Kernels PLAIN = new PlainKernels();

    /** The logical lanes of a dot product: 16 floats, one AVX-512 vector or two AVX2 ones or four NEON ones. */
    int LANES = 16;

    /** Rows summed in float before the Gram accumulator is flushed into double, to bound rounding error. */
    int FLUSH_ROWS = 64;

    /** Which implementation this is, for logs and benchmarks ("vector" or "plain"). */
    String name();

    double dot(float[] a, int ao, float[] b, int bo, int k);

    /** y += s * x over k entries, each a fused multiply-add. */
    void axpy(double s, float[] x, int xo, float[] y, int yo, int k);

    /**
     * G = F^T F + reg I over the n rows of F (n x k): rows added by axpy into a float block, flushed into a double
     * accumulator every {@link #FLUSH_ROWS} rows. One definition for every implementation, so G is the same bits.
     */
    default float[] gramian(float[] f, int n, int k, double reg) {
        float[] block = new float[k * k];
        double[] acc = new double[k * k];
        for (int row = 0; row < n; row++) {
            int o = row * k;
            for (int a = 0; a < k; a++) {
                float fa = f[o + a];
                if (fa != 0) {
                    axpy(fa, f, o, block, a * k, k);
                }
            }
            if ((row + 1) % FLUSH_ROWS == 0 || row == n - 1) {
                for (int j = 0; j < block.length; j++) {
                    acc[j] += block[j];
                }
                Arrays.fill(block, 0);
            }
        }
        float[] g = new float[k * k];
        for (int j = 0; j < g.length; j++) {
            g[j] = (float) acc[j];
        }
        for (int a = 0; a < k; a++) {
            g[a * k + a] += (float) reg;
        }
        return g;
    }

    /** out = G v for a k x k symmetric G (row-major). */
    default void gram(float[] g, float[] v, float[] out, int k) {
        for (int r = 0; r < k; r++) {
            out[r] = (float) dot(g, r * k, v, 0, k);
        }
    }

    /** The vector kernels when the incubator module is in the boot layer, else the plain ones. */
    static Kernels best() {
        return Holder.BEST;
    }

    /** The vector kernels, or empty when this JVM was started without {@code jdk.incubator.vector}. */
    static Optional<Kernels> vector() {
        return Optional.ofNullable(Holder.VECTOR);
    }

    /** Lazily resolved once; the vector class is loaded only when its module is present. */
    final class Holder {
        private static final Kernels VECTOR = loadVector();
        private static final Kernels BEST = VECTOR != null && !Boolean.getBoolean("marquee.kernels.plain") ? VECTOR : PLAIN;

        private Holder() {
        }

        private static Kernels loadVector() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            try {
                Class<?> c = Class.forName("dev.marquee.domain.training.VectorKernels");
                return (Kernels) c.getMethod("ifSupported").invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
