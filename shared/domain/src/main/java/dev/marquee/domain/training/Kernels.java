package dev.marquee.domain.training;

/**
 * The dense kernels of ALS (dot products, axpy, the Gram matrix and its products) on flat row-major float arrays.
 * Two implementations: {@link #PLAIN} (loops the JIT may auto-vectorise) and, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, an explicit SIMD one; {@link #best()} picks at run time.
 */
public interface Kernels {
    Kernels PLAIN = new PlainKernels();

    /** Which implementation this is, for logs and benchmarks ("vector" or "plain"). */
    String name();

    double dot(float[] a, int ao, float[] b, int bo, int k);

    /** y += s * x over k entries. */
    void axpy(double s, float[] x, int xo, float[] y, int yo, int k);

    /** G = F^T F + reg I over the n rows of F (n x k), accumulated in double precision. */
    float[] gramian(float[] f, int n, int k, double reg);

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
    static java.util.Optional<Kernels> vector() {
        return java.util.Optional.ofNullable(Holder.VECTOR);
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
                return (Kernels) Class.forName("dev.marquee.domain.training.VectorKernels").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
