package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarItemsAndCandidatesTest {
    private static final int USERS = 300;
    private static final int ITEMS = 120;
    private static final int GROUPS = 4;

    private static InteractionMatrix plantedWorld() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<HeldOut.Interaction> out = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int n = 0; n < 20; n++) {
                int item = u % GROUPS + GROUPS * rnd.nextInt(ITEMS / GROUPS);
                out.add(new HeldOut.Interaction(u, item, 1, n));
            }
        }
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(USERS, ITEMS);
        out.forEach(i -> b.add(i.user(), i.item(), i.weight()));
        return b.build();
    }

    private static final AlsParams PARAMS = new AlsParams(8, 8, 1, 10, 3, 7, 2);

    @Test
    void similarItemsAreFromTheSameGroupAndNeverTheItemItself() {
        InteractionMatrix m = plantedWorld();
        Factors f = ImplicitAls.train(m, PARAMS, null);
        Ranked[] similar = SimilarItems.compute(f, 10);
        assertThat(similar).hasSize(ITEMS);
        int sameGroup = 0;
        int total = 0;
        for (int i = 0; i < ITEMS; i++) {
            assertThat(similar[i].size()).isEqualTo(10);
            for (int r = 0; r < similar[i].size(); r++) {
                int j = similar[i].items()[r];
                assertThat(j).isNotEqualTo(i);
                if (r > 0) {
                    assertThat(similar[i].scores()[r]).isLessThanOrEqualTo(similar[i].scores()[r - 1]);
                }
                sameGroup += j % GROUPS == i % GROUPS ? 1 : 0;
                total++;
            }
        }
        assertThat((double) sameGroup / total).isGreaterThan(0.95);
    }

    @Test
    void userCandidatesExcludeSeenItemsAndFavourTheUsersGroup() {
        InteractionMatrix m = plantedWorld();
        Factors f = ImplicitAls.train(m, PARAMS, null);
        Ranked[] candidates = UserCandidates.compute(f, m, 15);
        int sameGroup = 0;
        int total = 0;
        for (int u = 0; u < USERS; u++) {
            int[] seen = m.itemsOf(u);
            assertThat(candidates[u].size()).isEqualTo(15);
            for (int item : candidates[u].items()) {
                assertThat(seen).doesNotContain(item);
                sameGroup += item % GROUPS == u % GROUPS ? 1 : 0;
                total++;
            }
        }
        assertThat((double) sameGroup / total).isGreaterThan(0.9);
    }

    @Test
    void aUserWithNoTrainingItemsGetsNoCandidates() {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(3, 4);
        b.add(0, 0, 1).add(0, 1, 1).add(1, 1, 1).add(1, 2, 1).add(2, 3, -1);
        InteractionMatrix m = b.build();
        Ranked[] c = UserCandidates.compute(ImplicitAls.train(m, PARAMS.withFactors(2), null), m, 10);
        assertThat(c[2].size()).isZero();
        assertThat(c[0].items()).containsExactlyInAnyOrder(2, 3);
    }
}
