package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemToItemMetricsTest {

    @Test
    void theHeldOutItemIsScoredAtItsRankInTheLastTrainingItemsList() {
        Ranked[] similar = {
                new Ranked(new int[]{5, 6, 7}, new float[]{3, 2, 1}),
                new Ranked(new int[]{8, 9, 5}, new float[]{3, 2, 1})};
        int[] anchor = {0, 1, 1, 0};
        int[] test = {5, 5, -1, 9};

        Map<String, Double> m = ItemToItemMetrics.evaluate(similar, anchor, test);

        // user 0: rank 1 (gain 1); user 1: rank 3 (gain 1/log2(4) = 0.5); user 2: no test item; user 3: a miss
        assertThat(m.get("i2i_users")).isEqualTo(3.0);
        assertThat(m.get("i2i_hr@10")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.get("i2i_ndcg@10")).isCloseTo(1.5 / 3, within(1e-12));
    }

    @Test
    void theAnchorIsTheLatestTrainingItemNotTheHeldOutOne() {
        List<HeldOut.Interaction> in = List.of(
                new HeldOut.Interaction(0, 1, 1, 10),
                new HeldOut.Interaction(0, 2, 1, 30),
                new HeldOut.Interaction(0, 3, 1, 20),
                new HeldOut.Interaction(1, 4, 1, 5));
        int[] test = HeldOut.lastItems(2, in);

        assertThat(test).containsExactly(2, -1);
        assertThat(HeldOut.lastTrainedItems(2, in, test)).containsExactly(3, 4);
    }
}
