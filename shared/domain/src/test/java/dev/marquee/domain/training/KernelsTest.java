package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SIMD kernels agree with the plain loops, kernel by kernel and on a whole ALS run. (Tests run with the module.) */
class KernelsTest {
    private static final Kernels VECTOR = Kernels.vector().orElseThrow(
            () -> new AssertionError("the tests run with --add-modules jdk.incubator.vector (root pom argLine)"));

    private static float[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rnd.nextGaussian();
        }
        return out;
    }

    @Test
    void theVectorPathIsChosenWhenTheModuleIsPresent() {
        assertThat(Kernels.best().name()).isEqualTo("vector");
        assertThat(Kernels.PLAIN.name()).isEqualTo("plain");
    }

    @Test
    void dotAndAxpyMatchThePlainLoopsAtOddLengthsAndOffsets() {
        float[] a = random(300, 1);
        float[] b = random(300, 2);
        for (int k : new int[]{1, 7, 16, 37, 64, 100}) {
            assertThat(VECTOR.dot(a, 3, b, 11, k)).isCloseTo(Kernels.PLAIN.dot(a, 3, b, 11, k), within(1e-3));
            float[] y1 = random(300, 3);
            float[] y2 = y1.clone();
            VECTOR.axpy(0.7, a, 5, y1, 9, k);
            Kernels.PLAIN.axpy(0.7, a, 5, y2, 9, k);
            assertThat(y1).containsExactly(y2, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void theGramMatrixMatchesThePlainLoops() {
        int k = 24;
        int n = 1000;
        float[] f = random(n * k, 4);
        float[] g1 = VECTOR.gramian(f, n, k, 0.5);
        float[] g2 = Kernels.PLAIN.gramian(f, n, k, 0.5);
        for (int j = 0; j < g1.length; j++) {
            assertThat(g1[j]).isCloseTo(g2[j], within(1e-3f * Math.max(1, Math.abs(g2[j]))));
        }
    }

    @Test
    void bothPathsTrainTheSameFactors() {
        SplittableRandom rnd = new SplittableRandom(5);
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(300, 120);
        for (int u = 0; u < 300; u++) {
            for (int n = 0; n < 15; n++) {
                b.add(u, (u % 6) + 6 * rnd.nextInt(20), 1 + rnd.nextInt(3));
            }
        }
        InteractionMatrix m = b.build();
        AlsParams p = new AlsParams(20, 5, 2, 10, 3, 11, 2);

        Factors vector = ImplicitAls.train(m, p, null, VECTOR);
        Factors plain = ImplicitAls.train(m, p, null, Kernels.PLAIN);

        double maxAbs = 0;
        double scale = 0;
        for (int j = 0; j < plain.items().length; j++) {
            maxAbs = Math.max(maxAbs, Math.abs(vector.items()[j] - plain.items()[j]));
            scale = Math.max(scale, Math.abs(plain.items()[j]));
        }
        for (int j = 0; j < plain.users().length; j++) {
            maxAbs = Math.max(maxAbs, Math.abs(vector.users()[j] - plain.users()[j]));
        }
        // float sums in another order drift a little through the CG solves: within 1% of the largest entry
        assertThat(scale).isGreaterThan(0.05);
        assertThat(maxAbs).isLessThan(0.01 * scale);
    }
}
