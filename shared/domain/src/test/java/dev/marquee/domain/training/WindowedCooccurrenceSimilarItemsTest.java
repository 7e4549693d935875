package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindowedCooccurrenceSimilarItemsTest {
    // user 0 played 0, 1, 2, 3 in that order (given shuffled); user 1 played 0 then 1; user 1's item 3 is a dislike
    private static final List<HeldOut.Interaction> PLAYS = List.of(
            new HeldOut.Interaction(0, 2, 1, 30),
            new HeldOut.Interaction(1, 1, 1, 20),
            new HeldOut.Interaction(0, 0, 1, 10),
            new HeldOut.Interaction(0, 3, 1, 40),
            new HeldOut.Interaction(1, 3, -1, 30),
            new HeldOut.Interaction(0, 1, 1, 20),
            new HeldOut.Interaction(1, 0, 1, 10));

    @Test
    void onlyItemsPlayedWithinTheWindowOfEachOtherAreNeighbours() {
        Ranked[] similar = new WindowedCooccurrenceSimilarItems(1, 0).compute(4, PLAYS, 10);

        // window 1: pairs (0,1) twice, (1,2), (2,3); item 0 is 2 positions from item 2
        assertThat(similar[0].items()).containsExactly(1);
        assertThat(similar[0].scores()[0]).isCloseTo(1f, within(1e-6f)); // 2 / sqrt(2 * 2)
        assertThat(similar[1].items()).containsExactly(0, 2);
        assertThat(similar[1].scores()[1]).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
        assertThat(similar[3].items()).containsExactly(2); // user 1's dislike of 3 is no play
    }

    @Test
    void aWiderWindowReachesFurtherAndShrinkageDiscountsSingleCoincidences() {
        Ranked[] wide = new WindowedCooccurrenceSimilarItems(2, 0).compute(4, PLAYS, 10);
        assertThat(wide[0].items()).containsExactly(1, 2);

        Ranked[] shrunk = new WindowedCooccurrenceSimilarItems(2, 1).compute(4, PLAYS, 10);
        // (0,1): 1 * 2/3; (0,2): 1/sqrt(2) * 1/2
        assertThat(shrunk[0].scores()[0]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(shrunk[0].scores()[1]).isCloseTo((float) (1 / Math.sqrt(2) / 2), within(1e-6f));
    }
}
