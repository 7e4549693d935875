package dev.marquee.domain.training;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels under the {@link Kernels} arithmetic contract: the 16 logical lanes of a dot product are one 16-float
 * vector (AVX-512), two 8-float ones (AVX2) or four 4-float ones (NEON), and lanes are summed by the contract's
 * halving tree rather than {@code reduceLanes}, whose float order is left open (and changes when C2 compiles it).
 * Loaded only through {@link Kernels#best()} when {@code jdk.incubator.vector} is in the boot layer.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = species();
    /** Vectors per block of {@link #LANES} logical lanes: 1, 2 or 4. */
    private static final int PARTS = LANES / S.length();

    private static VectorSpecies<Float> species() {
        int preferred = FloatVector.SPECIES_PREFERRED.length();
        return preferred >= 16 ? FloatVector.SPECIES_512 : preferred >= 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    }

    /** These kernels, or null where the platform has no vector of at least 4 floats (then the plain ones serve). */
    public static Kernels ifSupported() {
        return FloatVector.SPECIES_PREFERRED.length() >= 4 ? new VectorKernels() : null;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public double dot(float[] a, int ao, float[] b, int bo, int k) {
        int v = S.length();
        FloatVector l0 = FloatVector.zero(S);
        FloatVector l1 = l0;
        FloatVector l2 = l0;
        FloatVector l3 = l0;
        int j = 0;
        for (; j + LANES <= k; j += LANES) {
            l0 = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), l0);
            if (PARTS >= 2) {
                l1 = FloatVector.fromArray(S, a, ao + j + v).fma(FloatVector.fromArray(S, b, bo + j + v), l1);
            }
            if (PARTS == 4) {
                l2 = FloatVector.fromArray(S, a, ao + j + 2 * v).fma(FloatVector.fromArray(S, b, bo + j + 2 * v), l2);
                l3 = FloatVector.fromArray(S, a, ao + j + 3 * v).fma(FloatVector.fromArray(S, b, bo + j + 3 * v), l3);
            }
        }
        // the halving tree: t holds lane i + lane i+8 in its lanes 0..7, then + 4, + 2, + 1
        FloatVector t;
        if (PARTS == 1) {
            t = l0.add(l0.slice(8));
        } else if (PARTS == 2) {
            t = l0.add(l1);
        } else {
            t = l0.add(l2).add(l1.add(l3)); // (lanes 0-3 + 8-11) + (lanes 4-7 + 12-15): the +8 then the +4 step
        }
        if (PARTS != 4) {
            t = t.add(t.slice(4));
        }
        t = t.add(t.slice(2));
        t = t.add(t.slice(1));
        float s = t.lane(0);
        for (; j < k; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
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
            y[yo + j] = Math.fma(f, x[xo + j], y[yo + j]);
        }
    }
}
