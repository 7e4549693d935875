package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIMD kernels and the plain loops give the same bits, kernel by kernel and on a whole ALS run, and the SIMD dot
 * gives them before and after C2 compiles it (the Vector API's own lane reduction does not). Tests run with the module.
 */
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

    /** The contract of {@link Kernels#dot} written out directly: 16 fma lane sums, the halving tree, the fma tail. */
    private static float contractDot(float[] a, int ao, float[] b, int bo, int k) {
        float[] lane = new float[16];
        int blocks = k / 16 * 16;
        for (int j = 0; j < blocks; j++) {
            lane[j % 16] = Math.fma(a[ao + j], b[bo + j], lane[j % 16]);
        }
        for (int half = 8; half >= 1; half /= 2) {
            for (int l = 0; l < half; l++) {
                lane[l] = lane[l] + lane[l + half];
            }
        }
        float s = lane[0];
        for (int j = blocks; j < k; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
        }
        return s;
    }

    @Test
    void theVectorPathIsChosenWhenTheModuleIsPresent() {
        assertThat(Kernels.best().name()).isEqualTo("vector");
        assertThat(Kernels.PLAIN.name()).isEqualTo("plain");
    }

    @Test
    void dotAndAxpyGiveThePlainLoopsBitsAtOddLengthsAndOffsets() {
        float[] a = random(300, 1);
        float[] b = random(300, 2);
        for (int k : new int[]{1, 7, 16, 37, 64, 100, 128, 131}) {
            assertThat(VECTOR.dot(a, 3, b, 11, k)).as("dot, k=%d", k).isEqualTo(Kernels.PLAIN.dot(a, 3, b, 11, k));
            assertThat(VECTOR.dot(a, 3, b, 11, k)).as("contract, k=%d", k).isEqualTo(contractDot(a, 3, b, 11, k));
            float[] y1 = random(300, 3);
            float[] y2 = y1.clone();
            VECTOR.axpy(0.7, a, 5, y1, 9, k);
            Kernels.PLAIN.axpy(0.7, a, 5, y2, 9, k);
            assertThat(y1).as("axpy, k=%d", k).isEqualTo(y2);
        }
    }

    @Test
    void theVectorDotKeepsItsBitsOnceTheJitHasCompiledIt() {
        float[] a = random(128, 6);
        float[] b = random(128, 7);
        float expected = contractDot(a, 0, b, 0, 128);
        double cold = VECTOR.dot(a, 0, b, 0, 128);
        double warm = 0;
        for (int i = 0; i < 200_000; i++) {
            warm = VECTOR.dot(a, 0, b, 0, 128);
        }
        assertThat(cold).isEqualTo(expected);
        assertThat(warm).isEqualTo(expected);
    }

    @Test
    void theGramMatrixIsTheSameBitsOnBothPaths() {
        int k = 24;
        int n = 1000;
        float[] f = random(n * k, 4);
        assertThat(VECTOR.gramian(f, n, k, 0.5)).isEqualTo(Kernels.PLAIN.gramian(f, n, k, 0.5));
    }

    @Test
    void bothPathsTrainTheSameFactorsBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(300, 120);
        for (int u = 0; u < 300; u++) {
            for (int n = 0; n < 15; n++) {
                b.add(u, (u % 6) + 6 * rnd.nextInt(20), 1 + rnd.nextInt(3));
            }
        }
        InteractionMatrix m = b.build();
        // 40 factors: two whole blocks of 16 lanes and a tail of 8
        AlsParams p = new AlsParams(40, 5, 0.1, 10, 3, 11, 2, true);

        Factors vector = ImplicitAls.train(m, p, null, VECTOR);
        Factors plain = ImplicitAls.train(m, p, null, Kernels.PLAIN);

        assertThat(vector.users()).isEqualTo(plain.users());
        assertThat(vector.items()).isEqualTo(plain.items());
    }
}
