package dev.marquee.domain.training;

/** The kernels the rest of the training code uses outside the ALS solver: the best available ones. */
final class Linear {
    private static final Kernels K = Kernels.best();

    private Linear() {
    }

    static double dot(float[] a, int ao, float[] b, int bo, int k) {
        return K.dot(a, ao, b, bo, k);
    }
}
