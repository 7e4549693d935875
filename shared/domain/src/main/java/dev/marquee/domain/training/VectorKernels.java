package dev.marquee.domain.training;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the platform's preferred float vector (16 lanes with AVX-512, 8 with AVX2); loaded only through
 * {@link Kernels#best()} when {@code jdk.incubator.vector} is in the boot layer.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Rows summed in float before the Gram accumulator is flushed into double, to bound rounding error. */
    private static final int FLUSH_ROWS = 64;

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public double dot(float[] a, int ao, float[] b, int bo, int k) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += S.length()) {
            acc = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < k; j++) {
            s += a[ao + j] * b[bo + j];
        }
        return s;
    }

    @Override
    public void axpy(double s, float[] x, int xo, float[] y, int yo, int k) {
        float f = (float) s;
        FloatVector fs = FloatVector.broadcast(S, f);
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += S.length()) {
            FloatVector.fromArray(S, x, xo + j).fma(fs, FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
        for (; j < k; j++) {
            y[yo + j] += f * x[xo + j];
        }
    }

    @Override
    public float[] gramian(float[] f, int n, int k, double reg) {
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
                java.util.Arrays.fill(block, 0);
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
}
