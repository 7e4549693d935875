package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    @Test
    void topKIsBestFirstWithTiesByIndexAndSkipsExcluded() {
        float[] s = {0.1f, 0.9f, Float.NEGATIVE_INFINITY, 0.9f, 0.5f};

        assertThat(RankingMetrics.topK(s, 3)).containsExactly(1, 3, 4);
        assertThat(RankingMetrics.topK(s, 10)).containsExactly(1, 3, 4, 0);
    }

    @Test
    void anOracleHitsEveryHeldOutItemAtRankOne() {
        // user 0 trains on item 0 and holds out item 3; user 1 trains on item 1 and holds out item 2
        HeldOut split = HeldOut.leaveLastOut(2, 200, List.of(
                new HeldOut.Interaction(0, 0, 1, 1), new HeldOut.Interaction(0, 3, 1, 2),
                new HeldOut.Interaction(1, 1, 1, 1), new HeldOut.Interaction(1, 2, 1, 2)));
        Scorer oracle = (user, out) -> {
            java.util.Arrays.fill(out, 0);
            out[split.testItem()[user]] = 1;
        };

        Map<String, Double> m = RankingMetrics.evaluate(split, oracle, 1);

        assertThat(m.get("hr@10")).isEqualTo(1.0);
        assertThat(m.get("ndcg@10")).isCloseTo(1.0, within(1e-9));
        assertThat(m.get("hr@10_sampled")).isEqualTo(1.0);
        assertThat(m.get("test_users")).isEqualTo(2.0);
    }

    @Test
    void aHitAtRankThreeScoresOneOverLog2OfFour() {
        HeldOut split = HeldOut.leaveLastOut(1, 100, List.of(
                new HeldOut.Interaction(0, 50, 1, 1), new HeldOut.Interaction(0, 7, 1, 2)));
        Scorer third = (user, out) -> {
            java.util.Arrays.fill(out, 0);
            out[1] = 3;
            out[2] = 2;
            out[7] = 1;
        };

        Map<String, Double> m = RankingMetrics.evaluate(split, third, 1);

        assertThat(m.get("ndcg@10")).isCloseTo(0.5, within(1e-9));
        assertThat(m.get("hr@10")).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcgPerUser(split, third, 10)).containsExactly(0.5);
        assertThat(RankingMetrics.ndcgPerUser(split, third, 2)).containsExactly(0.0);
    }
}
