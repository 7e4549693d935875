package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRecencyTest {

    @Test
    void eachInteractionHalvesPerHalfLifeOfTheSameUsersLaterOnes() {
        List<HeldOut.Interaction> in = List.of(
                new HeldOut.Interaction(0, 7, 2, 300),
                new HeldOut.Interaction(1, 8, 1, 100),
                new HeldOut.Interaction(0, 8, 1, 100),
                new HeldOut.Interaction(0, 9, 1, 200));

        List<HeldOut.Interaction> out = new UserRecency(1).apply(in);

        // user 0: the latest keeps its weight, the one before halves, the first quarters; user 1's only one is latest
        assertThat(out).extracting(HeldOut.Interaction::weight).containsExactly(2.0, 1.0, 0.25, 0.5);
        assertThat(out).extracting(HeldOut.Interaction::item).containsExactly(7, 8, 8, 9);
    }

    @Test
    void eventsOfOnePairAreSummedBeforeDecayingSoAPairKeepsItsSign() {
        // item 5: played long ago (+3), disliked later (-1): net +2, a seen item, whatever the decay
        List<HeldOut.Interaction> in = List.of(
                new HeldOut.Interaction(0, 5, 3, 1),
                new HeldOut.Interaction(0, 6, 1, 2),
                new HeldOut.Interaction(0, 7, 1, 3),
                new HeldOut.Interaction(0, 5, -1, 4));

        List<HeldOut.Interaction> out = new UserRecency(1).apply(in);

        // one entry per pair; item 5's latest event is the newest, so it is at position 0, 7 at 1, 6 at 2
        assertThat(out).extracting(HeldOut.Interaction::item).containsExactly(5, 6, 7);
        assertThat(out).extracting(HeldOut.Interaction::weight).containsExactly(2.0, 0.25, 0.5);
    }

    @Test
    void aLongHalfLifeBarelyDecays() {
        List<HeldOut.Interaction> in = List.of(new HeldOut.Interaction(0, 1, 1, 1), new HeldOut.Interaction(0, 2, 1, 2));
        assertThat(new UserRecency(1000).apply(in).getFirst().weight()).isGreaterThan(0.999);
    }

    @Test
    void aHeavyUsersOldestPairsKeepATinyPositiveWeightRatherThanVanishing() {
        List<HeldOut.Interaction> in = new java.util.ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            in.add(new HeldOut.Interaction(0, n, 1, n));
        }
        List<HeldOut.Interaction> out = new UserRecency(2).apply(in);
        assertThat(out.getFirst().weight()).isEqualTo(UserRecency.FLOOR);
        assertThat((float) out.getFirst().weight()).isPositive();
    }

    @Test
    void onASplitOnlyTheTrainingPartIsWeightedSoTheHeldOutItemIsNoLaterInteraction() {
        List<HeldOut.Interaction> in = List.of(
                new HeldOut.Interaction(0, 0, 1, 1), new HeldOut.Interaction(0, 1, 1, 2), new HeldOut.Interaction(0, 2, 1, 3));

        HeldOut split = HeldOut.leaveLastOut(1, 3, in, new UserRecency(1)::apply);

        assertThat(split.testItem()).containsExactly(2);
        List<Float> weights = new java.util.ArrayList<>();
        split.train().forEachPair((u, i, w) -> weights.add(w));
        assertThat(weights).containsExactly(0.5f, 1f);
    }

    @Test
    void aNonPositiveHalfLifeIsRefused() {
        assertThatThrownBy(() -> new UserRecency(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
