package dev.marquee.domain.training;

/** Plain-loop kernels: four independent accumulators so the JIT can pipeline (and often vectorise) the dot product. */
final class PlainKernels implements Kernels {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double dot(float[] a, int ao, float[] b, int bo, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < k; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    @Override
    public void axpy(double s, float[] x, int xo, float[] y, int yo, int k) {
        float f = (float) s;
        for (int j = 0; j < k; j++) {
            y[yo + j] += f * x[xo + j];
        }
    }

    @Override
    public float[] gramian(float[] f, int n, int k, double reg) {
        double[] acc = new double[k * k];
        for (int row = 0; row < n; row++) {
            int o = row * k;
            for (int a = 0; a < k; a++) {
                double fa = f[o + a];
                if (fa == 0) {
                    continue;
                }
                int base = a * k;
                for (int b = a; b < k; b++) {
                    acc[base + b] += fa * f[o + b];
                }
            }
        }
        float[] g = new float[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                g[a * k + b] = (float) acc[a * k + b];
                g[b * k + a] = (float) acc[a * k + b];
            }
            g[a * k + a] += (float) reg;
        }
        return g;
    }
}
