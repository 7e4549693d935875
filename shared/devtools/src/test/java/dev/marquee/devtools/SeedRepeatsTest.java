package dev.marquee.devtools;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.FactorTrainer;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeedRepeatsTest {

    @Test
    void eachSeedIsFittedAndTheMetricsAreTheirMeans() {
        // two users, one item each held out; a 1-factor model that ranks the held-out item first with odd seeds only
        HeldOut split = HeldOut.leaveLastOut(2, 3, List.of(
                new HeldOut.Interaction(0, 0, 1, 1), new HeldOut.Interaction(0, 2, 1, 2),
                new HeldOut.Interaction(1, 0, 1, 1), new HeldOut.Interaction(1, 2, 1, 2)));
        List<Long> seeds = new ArrayList<>();
        FactorTrainer trainer = new FactorTrainer() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Fit fit(InteractionMatrix train, AlsParams params) {
                seeds.add(params.seed());
                float[] items = params.seed() % 2 == 1 ? new float[] {0, 0.5f, 1} : new float[] {0, 1, 0.5f};
                return new Fit(new Factors(1, new float[] {1, 1}, items), params.seed());
            }
        };

        SeedRepeats.Result r = SeedRepeats.fit(trainer, split, AlsParams.defaults().withSeed(42), 3);

        assertThat(seeds).containsExactly(42L, 43L, 44L);
        // seeds 42 and 44 rank the held-out item 2nd (1/log2 3), seed 43 first (1)
        double second = 1 / (Math.log(3) / Math.log(2));
        assertThat(r.metrics().get("ndcg@10")).isCloseTo((2 * second + 1) / 3, within(1e-9));
        assertThat(r.ndcgPerUser()).containsExactly(new double[] {(2 * second + 1) / 3, (2 * second + 1) / 3}, within(1e-9));
        assertThat(r.fitSeconds()).isEqualTo(43.0);
    }
}
