package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CooccurrenceSimilarItemsTest {

    private static InteractionMatrix matrix(int users, int items, int[][] histories) {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(users, items);
        for (int u = 0; u < histories.length; u++) {
            for (int i : histories[u]) {
                b.add(u, i, 1);
            }
        }
        return b.build();
    }

    // users' items: {0,1,2} {0,1} {0,1,3} {2,3} {3,4}; users per item: 3, 3, 2, 3, 1
    private static final InteractionMatrix SMALL = matrix(5, 5, new int[][]{{0, 1, 2}, {0, 1}, {0, 1, 3}, {2, 3}, {3, 4}});

    @Test
    void neighboursAreRankedByCosineOfCoCountsAndNeverTheItemOrANonCoOccurringOne() {
        Ranked[] similar = new CooccurrenceSimilarItems(0).compute(SMALL, 10);

        // item 0: with 1 by all 3 users (3/sqrt(3*3) = 1), with 2 once (1/sqrt(6)), with 3 once (1/sqrt(9)); never with 4
        assertThat(similar[0].items()).containsExactly(1, 2, 3);
        assertThat(similar[0].scores()[0]).isCloseTo(1f, within(1e-6f));
        assertThat(similar[0].scores()[1]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
        assertThat(similar[0].scores()[2]).isCloseTo(1f / 3, within(1e-6f));
        // item 4: only its one user's other item
        assertThat(similar[4].items()).containsExactly(3);
    }

    @Test
    void topNCutsTheList() {
        assertThat(new CooccurrenceSimilarItems(0).compute(SMALL, 2)[0].items()).containsExactly(1, 2);
    }

    @Test
    void shrinkagePrefersAWellSupportedPairToAOneUserCoincidence() {
        // item 0 (X): users 0, 1, 2 and 16; item 1 (B): users 0..15; item 2 (A): user 16 alone
        int[][] h = new int[17][];
        for (int u = 0; u < 16; u++) {
            h[u] = u < 3 ? new int[]{0, 1} : new int[]{1};
        }
        h[16] = new int[]{0, 2};
        InteractionMatrix m = matrix(17, 3, h);

        // cosine alone: A 1/sqrt(4*1) = 0.5 beats B 3/sqrt(4*16) = 0.375
        assertThat(new CooccurrenceSimilarItems(0).compute(m, 2)[0].items()).containsExactly(2, 1);
        // shrunk by c/(c+5): A 0.5 * 1/6 = 0.083, B 0.375 * 3/8 = 0.14
        assertThat(new CooccurrenceSimilarItems(5).compute(m, 2)[0].items()).containsExactly(1, 2);
    }

    @Test
    void anItemNobodyPlayedHasNoNeighbours() {
        InteractionMatrix m = matrix(2, 3, new int[][]{{0, 1}, {1}});
        assertThat(new CooccurrenceSimilarItems(1).compute(m, 5)[2].size()).isZero();
    }
}
