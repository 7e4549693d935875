package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * iALS on a planted world: 8 taste groups of users, each playing the items of its group 9 times in 10 (skewed to the
 * group's favourites), and a popular head across groups otherwise. A working factorisation recommends in-group items;
 * popularity cannot. (Knowing each user's group exactly scores NDCG@10 0.45 here; popularity 0.09.)
 */
class ImplicitAlsTest {
    private static final int USERS = 400;
    private static final int ITEMS = 240;
    private static final int GROUPS = 8;

    private static int groupOfUser(int u) {
        return u % GROUPS;
    }

    private static int groupOfItem(int i) {
        return i % GROUPS;
    }

    private static List<HeldOut.Interaction> plantedWorld(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<HeldOut.Interaction> out = new ArrayList<>();
        long t = 0;
        for (int u = 0; u < USERS; u++) {
            for (int n = 0; n < 30; n++) {
                int item;
                if (rnd.nextInt(10) < 9) {
                    // in-group: items of the user's group, skewed to the group's favourites
                    item = groupOfUser(u) + GROUPS * (int) (Math.pow(rnd.nextDouble(), 1.3) * (ITEMS / GROUPS));
                } else {
                    item = rnd.nextInt(12); // the global head, across groups
                }
                out.add(new HeldOut.Interaction(u, item, 1 + rnd.nextInt(3), t++));
            }
        }
        return out;
    }

    private static final AlsParams PARAMS = new AlsParams(8, 10, 5, 10, 3, 7, 2);

    @Test
    void recoversThePlantedTastes() {
        HeldOut split = HeldOut.leaveLastOut(USERS, ITEMS, plantedWorld(1));
        Factors f = ImplicitAls.train(split.train(), PARAMS, null);

        int inGroup = 0;
        int total = 0;
        float[] scores = new float[ITEMS];
        for (int u = 0; u < USERS; u++) {
            f.scoreAll(u, scores);
            for (int i : split.train().itemsOf(u)) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
            for (int i : RankingMetrics.topK(scores, 10)) {
                inGroup += groupOfItem(i) == groupOfUser(u) ? 1 : 0;
                total++;
            }
        }
        assertThat((double) inGroup / total).as("share of top-10 items from the user's own taste group").isGreaterThan(0.8);
    }

    @Test
    void beatsPopularityByAWideMargin() {
        HeldOut split = HeldOut.leaveLastOut(USERS, ITEMS, plantedWorld(2));
        Factors f = ImplicitAls.train(split.train(), PARAMS, null);

        Map<String, Double> als = RankingMetrics.evaluate(split, Scorer.of(f), 3);
        Map<String, Double> pop = RankingMetrics.evaluate(split, Scorer.popularity(split.train()), 3);

        assertThat(als.get("ndcg@10")).isGreaterThan(3 * pop.get("ndcg@10"));
        assertThat(als.get("hr@10_sampled")).isGreaterThan(pop.get("hr@10_sampled"));
        assertThat(als.get("coverage@10")).isGreaterThan(pop.get("coverage@10"));
    }

    @Test
    void theLossFallsAcrossIterations() {
        HeldOut split = HeldOut.leaveLastOut(USERS, ITEMS, plantedWorld(3));
        List<Double> losses = new ArrayList<>();

        ImplicitAls.train(split.train(), PARAMS.withIterations(6), (done, total, loss, seconds) -> losses.add(loss));

        assertThat(losses).hasSize(6);
        assertThat(losses.get(5)).isLessThan(losses.get(0));
        assertThat(losses.get(5)).isLessThan(losses.get(1));
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreadsAndRepeatsForASeed() {
        HeldOut split = HeldOut.leaveLastOut(USERS, ITEMS, plantedWorld(4));
        // 40 factors: the dot products run whole 16-lane blocks and a tail
        AlsParams one = new AlsParams(40, 3, 0.1, 10, 3, 11, 1, true);

        Factors a = ImplicitAls.train(split.train(), one, null);
        Factors b = ImplicitAls.train(split.train(), one.withThreads(4), null);
        Factors again = ImplicitAls.train(split.train(), one, null);

        assertThat(a.users()).isEqualTo(b.users());
        assertThat(a.items()).isEqualTo(b.items());
        assertThat(a.users()).isEqualTo(again.users());
        assertThat(a.items()).isEqualTo(again.items());
    }

    @Test
    void weightedLambdaAlsoBeatsPopularityAndItsLossFalls() {
        HeldOut split = HeldOut.leaveLastOut(USERS, ITEMS, plantedWorld(5));
        AlsParams weighted = new AlsParams(8, 6, 0.1, 10, 3, 7, 2, true);
        List<Double> losses = new ArrayList<>();

        Factors f = ImplicitAls.train(split.train(), weighted, (done, total, loss, seconds) -> losses.add(loss));

        Map<String, Double> als = RankingMetrics.evaluate(split, Scorer.of(f), 3);
        Map<String, Double> pop = RankingMetrics.evaluate(split, Scorer.popularity(split.train()), 3);
        assertThat(als.get("ndcg@10")).isGreaterThan(3 * pop.get("ndcg@10"));
        assertThat(losses.get(5)).isLessThan(losses.get(0));
    }

    @Test
    void weightedLambdaHoldsHeavyRowsBackMoreThanPlainLambda() {
        // one heavy user (all items) and light ones: with weighted lambda the heavy user's vector shrinks relative
        // to a light user's, compared with the same lambda applied evenly
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(11, 40);
        for (int i = 0; i < 40; i++) {
            b.add(0, i, 1);
        }
        for (int u = 1; u <= 10; u++) {
            b.add(u, u, 1);
            b.add(u, u + 10, 1);
        }
        InteractionMatrix m = b.build();
        Factors plain = ImplicitAls.train(m, new AlsParams(4, 5, 1, 5, 3, 3, 1, false), null);
        Factors weighted = ImplicitAls.train(m, new AlsParams(4, 5, 1, 5, 3, 3, 1, true), null);

        assertThat(norm(weighted, 0) / norm(weighted, 1)).isLessThan(norm(plain, 0) / norm(plain, 1));
    }

    private static double norm(Factors f, int user) {
        return Math.sqrt(dot(f.users(), user * f.k(), f.k()));
    }

    private static double dot(float[] a, int o, int k) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += a[o + j] * a[o + j];
        }
        return s;
    }
}
