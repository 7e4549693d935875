package dev.marquee.refresh.ranker;

import dev.marquee.adapters.embedded.InMemoryRanker;
import dev.marquee.adapters.onnx.OnnxRanker;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.synth.SyntheticDataset;
import dev.marquee.domain.training.AlsParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Training-serving parity: the exported model scores real feature rows exactly as the trainer's in-memory model. */
class RankerParityTest {
    private static final int ROWS = 3000;
    private static RankerStage.Result trained;

    @BeforeAll
    static void train() {
        SyntheticDataset world = SyntheticDataset.generate(new SyntheticDataset.Spec(400, 300, 40,
                Instant.parse("2026-06-01T00:00:00Z"), Duration.ofDays(14), 7));
        Map<String, Item> catalog = world.items().stream().collect(Collectors.toMap(Item::itemId, Function.identity()));
        trained = RankerStage.train(world.events(), catalog, EventWeights.defaults(),
                new AlsParams(16, 6, 10, 10, 3, 42, 2), RankerParams.defaults().withTrees(60).withDepth(5), 0.2,
                new PrintStream(OutputStream.nullOutputStream())).orElseThrow();
    }

    @Test
    void onnxScoresEqualXgboostScoresOnThousandsOfFeatureRows() {
        RankingGroups eval = trained.evalGroups();
        assertThat(eval.rowCount()).isGreaterThanOrEqualTo(ROWS);
        float[] rows = Arrays.copyOf(eval.rows(), ROWS * eval.width());
        float[] xgboost = trained.model().predict(rows, ROWS, eval.width());
        float[] onnx = new float[ROWS];
        try (OnnxRanker ranker = new OnnxRanker(trained.onnx(), (c, ids) -> null, Clock.systemUTC(), 1)) {
            ranker.score(rows, ROWS, onnx);
        }
        double maxDiff = maxAbsDiff(xgboost, onnx);
        System.out.printf("parity: max |onnx - xgboost| over %d rows = %.3g%n", ROWS, maxDiff);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
        assertThat(distinct(xgboost)).as("the model separates rows (not a constant)").isGreaterThan(100);
    }

    @Test
    void thePlainJavaTreesReadFromTheOnnxModelScoreAsXgboost() {
        RankingGroups eval = trained.evalGroups();
        float[] rows = Arrays.copyOf(eval.rows(), ROWS * eval.width());
        float[] xgboost = trained.model().predict(rows, ROWS, eval.width());
        float[] java = new float[ROWS];
        new InMemoryRanker(trained.onnx(), (c, ids) -> null, Clock.systemUTC()).ensemble().score(rows, ROWS, java);
        assertThat(maxAbsDiff(xgboost, java)).isLessThanOrEqualTo(1e-5);
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    private static long distinct(float[] a) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i]).distinct().count();
    }
}
