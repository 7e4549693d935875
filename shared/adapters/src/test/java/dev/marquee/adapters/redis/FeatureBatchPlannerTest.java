package dev.marquee.adapters.redis;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import io.vertx.redis.client.impl.ZModem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureBatchPlannerTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(100, Duration.ofHours(48));
    private final FeatureBatchPlanner planner = new FeatureBatchPlanner(new TrendingDecay(Duration.ofHours(6)));

    /** What cluster mode demands of a script: all its keys in one hash slot (ZModem is the client's CRC16). */
    @Test
    void everyScriptTouchesKeysOfOneSlot() {
        List<FeatureUpdate> batch = new BatchWorkload("w", 50, 30, List.of("US", "GB", "DE")).updates(2_000, 1, T0, Duration.ofDays(30));

        for (SlotChain chain : planner.plan(batch, LIMITS)) {
            for (ScriptCall call : chain.calls()) {
                assertThat(call.keys().stream().map(ZModem::generate).distinct()).as("slots of %s", call.keys()).hasSize(1);
            }
        }
    }

    @Test
    void splitsByUserItemAndTrendingSetAndCountsOnlyUserChains() {
        List<FeatureUpdate> batch = List.of(
                update("ev1", "u1", "i1", EventType.PLAY, 2, "US"),
                update("ev2", "u2", "i1", EventType.DISLIKE, -4, "US"),
                update("ev3", "u1", "i2", EventType.LIKE, 4, null));

        List<SlotChain> chains = planner.plan(batch, LIMITS);

        assertThat(chains).extracting(c -> c.calls().getFirst().script().name())
                .containsExactly("user", "user", "counters", "counters", "trending", "trending");
        assertThat(chains).extracting(SlotChain::countsEvents).containsExactly(true, true, false, false, false, false);
        // US has the play only; the global set has the play and the like, in batch order
        assertThat(chains.get(4).calls().getFirst().keys()).containsExactly(RedisKeys.trendingClaim("US", "ev1"), trendingSet("US"));
        assertThat(chains.get(5).calls().getFirst().keys()).containsExactly(RedisKeys.trendingClaim(FeatureUpdate.GLOBAL, "ev1"),
                RedisKeys.trendingClaim(FeatureUpdate.GLOBAL, "ev3"), trendingSet(FeatureUpdate.GLOBAL));
    }

    @Test
    void aLongGroupBecomesAChainOfBoundedScriptsInBatchOrder() {
        List<FeatureUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(update("ev" + i, "u1", "i1", EventType.IMPRESSION, 0, "US"));
        }

        SlotChain user = planner.plan(batch, LIMITS).getFirst();

        assertThat(user.calls()).extracting(c -> c.keys().size() - 2).containsExactly(256, 256, 88);
        assertThat(user.calls().get(1).keys().getFirst()).isEqualTo(RedisKeys.userClaim("u1", "ev256"));
    }

    @Test
    void keepsTheFirstCopyOfAnEventIdInABatch() {
        FeatureUpdate play = update("ev1", "u1", "i1", EventType.PLAY, 2, "US");

        List<SlotChain> chains = planner.plan(List.of(play, play), LIMITS);

        assertThat(chains).hasSize(4).allSatisfy(c -> assertThat(c.calls()).singleElement()
                .satisfies(call -> assertThat(call.keys()).filteredOn(k -> k.endsWith(":ev1")).hasSize(1)));
    }

    @Test
    void theGlobalKeyAsCountryIsBumpedTwiceUnderOneClaim() {
        List<SlotChain> chains = planner.plan(List.of(update("ev1", "u1", "i1", EventType.PLAY, 2, FeatureUpdate.GLOBAL)), LIMITS);

        assertThat(chains).hasSize(3);
        assertThat(chains.get(2).calls().getFirst().args().getLast()).isEqualTo("2");
    }

    private static String trendingSet(String country) {
        return RedisKeys.trending(country, new TrendingDecay(Duration.ofHours(6)).epochOf(T0));
    }

    private static FeatureUpdate update(String id, String user, String item, EventType type, double weight, String country) {
        return new FeatureUpdate(id, user, item, new RecentInteraction(item, type, T0), type.wireName(), weight, country);
    }
}
