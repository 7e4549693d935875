package dev.marquee.adapters.onnx;

import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.TreeEnsemble;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TreeEnsembleOnnxTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.V1;

    @Test
    void exportedTreesReadBackIdentical() {
        TreeEnsemble e = RandomTrees.of(SCHEMA.width(), 20, 4, false, 1);
        TreeEnsemble back = TreeEnsembleOnnx.read(TreeEnsembleOnnx.write(e, SCHEMA)).ensemble();
        assertThat(back.roots()).containsExactly(e.roots());
        assertThat(back.feature()).isEqualTo(maskLeaves(e, e.feature()));
        assertThat(back.left()).containsExactly(e.left());
        assertThat(back.right()).containsExactly(e.right());
        assertThat(back.value()).containsExactly(e.value());
        assertThat(back.base()).isEqualTo(e.base());
        assertThat(TreeEnsembleOnnx.schemaOf(TreeEnsembleOnnx.write(e, SCHEMA))).isEqualTo(SCHEMA);
    }

    @Test
    void onnxRuntimeScoresEqualThePlainJavaTrees() {
        for (boolean logistic : new boolean[]{false, true}) {
            TreeEnsemble e = RandomTrees.of(SCHEMA.width(), 50, 5, logistic, 2);
            int n = 300;
            float[] rows = randomRows(n, 3);
            float[] expected = new float[n];
            e.score(rows, n, expected);
            float[] actual = new float[n];
            try (OnnxRanker onnx = new OnnxRanker(TreeEnsembleOnnx.write(e, SCHEMA), (c, ids) -> null, Clock.systemUTC(), 1)) {
                onnx.score(rows, n, actual);
                // a second call of the same size reuses the cached tensors
                float[] again = new float[n];
                onnx.score(rows, n, again);
                assertThat(again).containsExactly(actual);
            }
            for (int i = 0; i < n; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
            }
            if (logistic) {
                for (float s : actual) {
                    assertThat(s).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void aModelOfAnUnknownFeatureSchemaIsRefused() {
        FeatureSchema other = new FeatureSchema("ranker-features-v0", List.of(
                new FeatureSchema.Feature("a", 0f), new FeatureSchema.Feature("b", 0f)));
        byte[] model = TreeEnsembleOnnx.write(RandomTrees.of(2, 3, 2, false, 4), other);
        assertThatThrownBy(() -> new OnnxRanker(model, (c, ids) -> null, Clock.systemUTC(), 1))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("unknown feature schema ranker-features-v0")
                .extracting(t -> ((StoreUnavailableException) t).store()).isEqualTo("ranker");
    }

    private static int[] maskLeaves(TreeEnsemble e, int[] features) {
        int[] f = features.clone();
        for (int i = 0; i < f.length; i++) {
            if (e.left()[i] < 0) {
                f[i] = 0;
            }
        }
        return f;
    }

    static float[] randomRows(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] rows = new float[n * SCHEMA.width()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) rnd.nextDouble(-1.2, 1.2);
        }
        return rows;
    }
}
