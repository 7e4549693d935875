package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.contract.FeatureStoreContract;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Redis adapter against the feature store contract, on a real Redis server on loopback. */
class RedisFeatureStoreIT extends FeatureStoreContract {
    private static final RedisTestClient client = LocalRedis.client();

    @Override
    protected FeatureStore newStore() {
        return new RedisFeatureStore(client.dataSource(), HALF_LIFE);
    }

    /** Cached responses are recommendations for the user: erasure takes them too, in the same DEL. */
    @Test
    void deletingAUserAlsoDropsTheirCachedResponses() {
        String user = Fixtures.unique("user");
        RedisResponseCache cache = new RedisResponseCache(client.dataSource());
        cache.put(user, "homepage:25", "{}", Duration.ofMinutes(1));

        store.deleteUser(user);

        assertThat(cache.get(user, "homepage:25")).isEmpty();
    }

    /**
     * Just after an epoch boundary both epochs weigh in and their top lists differ, so the reader must widen its
     * windows and fetch missing scores; its answer must equal the embedded store's full merge.
     */
    @Test
    void trendingMergesTwoEpochsExactlyLikeTheEmbeddedStore() {
        TrendingDecay decay = new TrendingDecay(HALF_LIFE);
        Instant boundary = Instant.ofEpochMilli((decay.epochOf(Instant.parse("2026-06-01T00:00:00Z")) + 1)
                * HALF_LIFE.toMillis() * TrendingDecay.HALF_LIVES_PER_EPOCH);
        FeatureStore embedded = new InMemoryFeatureStore(HALF_LIFE, Clock.systemUTC());
        String country = Fixtures.unique("C");
        Random random = new Random(42);
        for (int i = 0; i < 600; i++) {
            String item = "i" + random.nextInt(300);
            double weight = 1 + random.nextInt(5);
            // from three half-lives before the boundary to one after: old epoch, new epoch, both for many items
            Instant at = boundary.plusMillis((long) ((random.nextDouble() * 4 - 3) * HALF_LIFE.toMillis()));
            store.bumpTrending(country, item, weight, at);
            embedded.bumpTrending(country, item, weight, at);
        }
        Instant now = boundary.plus(HALF_LIFE);

        for (int limit : new int[]{1, 5, 25, 100, 400}) {
            List<ScoredItem> expected = embedded.trending(country, limit, now);
            List<ScoredItem> actual = store.trending(country, limit, now);

            assertThat(actual).extracting(ScoredItem::itemId).as("limit %d", limit)
                    .containsExactlyElementsOf(expected.stream().map(ScoredItem::itemId).toList());
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-9 * expected.get(i).score()));
            }
        }
    }
}
