package dev.marquee.domain.training;

/**
 * Scalar loops that follow the {@link Kernels} arithmetic contract step for step (16 lane sums, the same halving
 * tree, fused multiply-adds), so they give the vector kernels' bits where the incubator module is absent.
 */
final class PlainKernels implements Kernels {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double dot(float[] a, int ao, float[] b, int bo, int k) {
        float[] lane = new float[LANES];
        int j = 0;
        for (; j + LANES <= k; j += LANES) {
            for (int l = 0; l < LANES; l++) {
                lane[l] = Math.fma(a[ao + j + l], b[bo + j + l], lane[l]);
            }
        }
        for (int half = LANES / 2; half >= 1; half /= 2) {
            for (int l = 0; l < half; l++) {
                lane[l] += lane[l + half];
            }
        }
        float s = lane[0];
        for (; j < k; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
        }
        return s;
    }

    @Override
    public void axpy(double s, float[] x, int xo, float[] y, int yo, int k) {
        float f = (float) s;
        for (int j = 0; j < k; j++) {
            y[yo + j] = Math.fma(f, x[xo + j], y[yo + j]);
        }
    }
}
