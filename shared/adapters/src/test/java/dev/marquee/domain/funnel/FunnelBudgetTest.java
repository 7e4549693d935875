package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage budgets: a generator that blocks, fails or throws is skipped and named; the others still answer. */
class FunnelBudgetTest {
    private final ServingWorld world = new ServingWorld();
    private final CountDownLatch never = new CountDownLatch(1);
    private final FunnelSettings shortBudget = new FunnelSettings("default", 50, 500,
            new FunnelSettings.Budgets(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5)));

    @AfterEach
    void close() {
        never.countDown();
        world.close();
    }

    private CandidateGenerator named(String name, java.util.function.Supplier<List<Recommendation>> body) {
        return new CandidateGenerator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Recommendation> generate(RecommendationContext context, int max) {
                return body.get();
            }
        };
    }

    @Test
    void aGeneratorThatBlocksIsSkippedAndNamedWhileTheOthersAnswer() {
        CandidateGenerator stuck = named("stuck", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new Recommendation("never", 1, dev.marquee.domain.model.Reason.of(dev.marquee.domain.model.ReasonType.NEW_RELEASE), "stuck"));
        });

        RecommendationList list = world.funnel(List.of(stuck, new PopularInSegmentGenerator(world.candidates)), shortBudget)
                .recommend(ServingWorld.request("u1", 5));

        assertThat(list.items()).hasSize(5).extracting(Recommendation::source).containsOnly(PopularInSegmentGenerator.NAME);
        assertThat(list.fallback()).isEqualTo("stuck_timeout");
    }

    @Test
    void aReadOverBudgetIsNotInterruptedSoItsResultCanStillFillACache() throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        CandidateGenerator slow = named("slow", () -> {
            try {
                never.await();
                finished.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });

        RecommendationList list = world.funnel(List.of(slow, new PopularInSegmentGenerator(world.candidates)), shortBudget)
                .recommend(ServingWorld.request("u1", 3));
        never.countDown();

        assertThat(list.fallback()).isEqualTo("slow_timeout");
        assertThat(finished.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the slow read ran to its end").isTrue();
    }

    @Test
    void aDegradedAnswerThatComesUpShortIsFilledFromTheInMemoryList() {
        CandidateGenerator down = named("down", () -> {
            throw new StoreUnavailableException("dynamodb", "throttled", null);
        });
        Recommendation one = new Recommendation("i1", 1, dev.marquee.domain.model.Reason.of(dev.marquee.domain.model.ReasonType.NEW_RELEASE), "one");
        CandidateGenerator single = named("single", () -> List.of(one));

        RecommendationList list = world.funnel(List.of(down, single), shortBudget).recommend(ServingWorld.request("u1", 3));

        assertThat(list.items()).hasSize(3).extracting(Recommendation::itemId).startsWith("i1").doesNotHaveDuplicates();
        assertThat(list.items().subList(1, 3)).extracting(Recommendation::source).containsOnly(FallbackPopularity.SOURCE);
        assertThat(list.fallback()).isEqualTo("down_unavailable,static_popularity");
    }

    @Test
    void aFailingStoreAndABugAreNamedDifferently() {
        CandidateGenerator down = named("down", () -> {
            throw new StoreUnavailableException("redis", "connection refused", null);
        });
        CandidateGenerator buggy = named("buggy", () -> {
            throw new IllegalStateException("bug");
        });

        RecommendationList list = world.funnel(List.of(down, buggy, new PopularInSegmentGenerator(world.candidates)), shortBudget)
                .recommend(ServingWorld.request("u1", 3));

        assertThat(list.items()).hasSize(3);
        assertThat(list.fallback()).isEqualTo("down_unavailable,buggy_failed");
    }

    @Test
    void whenEveryGeneratorFailsTheInMemoryPopularityListServesAndSaysSo() {
        CandidateGenerator down = named("down", () -> {
            throw new StoreUnavailableException("dynamodb", "throttled", null);
        });

        RecommendationList list = world.funnel(List.of(down), shortBudget).recommend(ServingWorld.request("u1", 3));

        assertThat(list.items()).extracting(Recommendation::source).containsOnly(FallbackPopularity.SOURCE);
        assertThat(list.fallback()).isEqualTo("down_unavailable,static_popularity");
    }

    @Test
    void aSlowRankerIsSkippedAndTheCandidateOrderServes() {
        dev.marquee.domain.port.Ranker slow = (context, candidates) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return candidates.reversed();
        };
        FunnelSettings rankerBudget = new FunnelSettings("default", 50, 500,
                new FunnelSettings.Budgets(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(5)));
        Funnel f = new Funnel(world.profiles, world.features, world.registry, world.catalog,
                List.of(new PopularInSegmentGenerator(world.candidates)), slow, List.of(), world.fallback, rankerBudget, world.executor,
                world.clock);

        RecommendationList list = f.recommend(ServingWorld.request("u1", 3));

        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("i39", "i38", "i37");
        assertThat(list.fallback()).isEqualTo("ranker_timeout");
    }
}
