package dev.marquee.domain.training;

/** The few dense kernels ALS needs, on flat row-major float arrays (plain loops the JIT vectorises). */
final class Linear {
    private Linear() {
    }

    static double dot(float[] a, int ao, float[] b, int bo, int k) {
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

    /** y += s * x over k entries. */
    static void axpy(double s, float[] x, int xo, float[] y, int yo, int k) {
        float f = (float) s;
        for (int j = 0; j < k; j++) {
            y[yo + j] += f * x[xo + j];
        }
    }

    /** out = G v for a k x k symmetric G (row-major). */
    static void gram(float[] g, float[] v, float[] out, int k) {
        for (int r = 0; r < k; r++) {
            out[r] = (float) dot(g, r * k, v, 0, k);
        }
    }

    /** G = F^T F + reg I over the rows of F (n x k). */
    static float[] gramian(float[] f, int n, int k, double reg) {
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
