package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The batched {@link RedisFeatureStore#applyAll} beyond the contract: it leaves exactly the state the port's default
 * (event by event) leaves, and after a run that failed half-way a retry completes what is missing exactly once.
 */
class RedisApplyAllIT {
    private static final Duration HALF_LIFE = Duration.ofHours(6);
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(20, Duration.ofHours(1));
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static RedisServerBackend server;
    private static RedisTestClient client;
    /** Database 1 of the same server, for the reference run of the default method. */
    private static RedisTestClient referenceClient;

    @BeforeAll
    static void startRedis() {
        server = RedisServerBackend.start();
        client = RedisTestClient.connect(server.endpoint(), Duration.ofSeconds(5));
        referenceClient = RedisTestClient.connect(URI.create(server.endpoint() + "/1"), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        for (RedisTestClient c : new RedisTestClient[]{client, referenceClient}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static RedisFeatureStore store() {
        return new RedisFeatureStore(client.dataSource(), HALF_LIFE, client.timeout());
    }

    /**
     * Crossing a decay epoch, with redeliveries, impressions, negative weights, events without a country and lists
     * trimmed: every recent list, seen set, counter and trending set equals, value for value, the default's.
     */
    @Test
    void leavesExactlyTheStateTheDefaultMethodLeaves() {
        BatchWorkload workload = new BatchWorkload(Fixtures.unique("w"), 60, 40, List.of("US", "GB", "DE", "FR"));
        Instant epochEnd = epochStartAfter(T0);
        List<FeatureUpdate> first = workload.updates(3_000, 7, epochEnd.minus(HALF_LIFE), HALF_LIFE.multipliedBy(2));
        List<FeatureUpdate> second = workload.updates(1_000, 8, epochEnd, HALF_LIFE);
        FeatureStore batched = store();
        FeatureStore reference = new SingleCallFeatureStore(new RedisFeatureStore(referenceClient.dataSource(), HALF_LIFE));

        assertThat(batched.applyAll(first, LIMITS)).isEqualTo(reference.applyAll(first, LIMITS));
        // the second batch redelivers part of the first, as a stream does after a failed acknowledgement
        List<FeatureUpdate> redelivery = concat(first.subList(1_000, 2_000), second);
        assertThat(batched.applyAll(redelivery, LIMITS)).isEqualTo(reference.applyAll(redelivery, LIMITS));

        assertSameState(workload, batched, reference, epochEnd.plus(HALF_LIFE));
    }

    /**
     * One item's counters key holds a string (as if someone else wrote it), so its script fails: the batch fails as a
     * whole, but the scripts sent before it are applied. Once the key is fixed, the redelivered batch applies exactly
     * the missing parts and nothing twice.
     */
    @Test
    void aRetryAfterAPartialFailureCompletesExactlyTheMissingEffects() {
        String user = Fixtures.unique("user");
        String poisoned = Fixtures.unique("item");
        String healthy = Fixtures.unique("item");
        String country = Fixtures.unique("C");
        List<FeatureUpdate> batch = List.of(
                update(user, healthy, EventType.PLAY, 2, country, T0),
                update(user, poisoned, EventType.LIKE, 4, country, T0.plusSeconds(1)),
                update(user, poisoned, EventType.PLAY, 2, country, T0.plusSeconds(2)));
        client.dataSource().execute("SET", RedisKeys.counters(poisoned), "not a hash");
        RedisFeatureStore store = store();

        assertThatThrownBy(() -> store.applyAll(batch, LIMITS))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.store()).isEqualTo("redis"))
                .hasMessageContaining("WRONGTYPE");

        // the user's and the healthy item's scripts went out before the poisoned one on the same connection
        assertThat(store.recent(user, 10)).hasSize(3);
        assertThat(store.counter(healthy, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(2.0);
        assertThat(exists(RedisKeys.counterClaim(poisoned, batch.get(1).eventId()))).isFalse();

        client.dataSource().execute("DEL", RedisKeys.counters(poisoned));
        // the user parts were new in the failed run, which reported nothing: the retry has no new event left to count
        assertThat(store.applyAll(batch, LIMITS)).isZero();
        Instant now = T0.plusSeconds(2);
        List<ScoredItem> trending = store.trending(country, 10, now);
        assertThat(store.applyAll(batch, LIMITS)).isZero();

        assertThat(store.recent(user, 10)).extracting(RecentInteraction::itemId).containsExactly(poisoned, poisoned, healthy);
        assertThat(store.counter(poisoned, "like")).isEqualTo(1.0);
        assertThat(store.counter(poisoned, "play")).isEqualTo(1.0);
        assertThat(store.counter(poisoned, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(6.0);
        assertThat(store.counter(healthy, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(2.0);
        assertThat(store.trending(country, 10, now)).isEqualTo(trending).satisfiesExactly(
                first -> assertThat(first.score()).isCloseTo(6.0, within(1e-3)),
                second -> assertThat(second.score()).isCloseTo(2.0, within(1e-3)));
    }

    /**
     * The state a run leaves when it dies after some scripts: the first event's user and counter parts are in
     * (applied and claimed), its trending parts are not; the second event's counters are in. The redelivery adds
     * exactly what is missing, and counts only the event whose user part was still missing.
     */
    @Test
    void aRedeliveryAfterARunThatDiedHalfWayAppliesEachPartOnce() {
        String user = Fixtures.unique("user");
        String item = Fixtures.unique("item");
        String country = Fixtures.unique("C");
        FeatureUpdate play = update(user, item, EventType.PLAY, 2, country, T0);
        FeatureUpdate like = update(user, item, EventType.LIKE, 4, country, T0.plusSeconds(1));
        RedisFeatureStore store = store();
        store.addRecent(user, play.recent(), LIMITS.recentMax());
        store.markSeen(user, item);
        claim(RedisKeys.userClaim(user, play.eventId()));
        store.incrementCounter(item, "play", 1);
        store.incrementCounter(item, FeatureUpdate.WEIGHT_COUNTER, 2);
        claim(RedisKeys.counterClaim(item, play.eventId()));
        store.incrementCounter(item, "like", 1);
        store.incrementCounter(item, FeatureUpdate.WEIGHT_COUNTER, 4);
        claim(RedisKeys.counterClaim(item, like.eventId()));

        assertThat(store.applyAll(List.of(play, like), LIMITS)).isEqualTo(1);

        assertThat(store.recent(user, 10)).extracting(RecentInteraction::type).containsExactly(EventType.LIKE, EventType.PLAY);
        assertThat(store.counter(item, "play")).isEqualTo(1.0);
        assertThat(store.counter(item, "like")).isEqualTo(1.0);
        assertThat(store.counter(item, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(6.0);
        Instant now = T0.plusSeconds(1);
        assertThat(store.trending(country, 1, now)).singleElement().satisfies(s -> assertThat(s.score()).isCloseTo(6.0, within(1e-3)));
        assertThat(store.trending(FeatureUpdate.GLOBAL, 10_000, now)).filteredOn(s -> s.itemId().equals(item)).singleElement()
                .satisfies(s -> assertThat(s.score()).isCloseTo(6.0, within(1e-3)));
    }

    /** A restarted or failed-over server has forgotten the scripts: EVALSHA's NOSCRIPT falls back to EVAL. */
    @Test
    void worksAfterTheServerForgetsItsScripts() {
        String user = Fixtures.unique("user");
        RedisFeatureStore store = store();
        store.applyAll(List.of(update(user, "i1", EventType.PLAY, 2, "US", T0)), LIMITS);

        client.dataSource().execute("SCRIPT", "FLUSH");

        assertThat(store.applyAll(List.of(update(user, "i2", EventType.PLAY, 2, "US", T0)), LIMITS)).isEqualTo(1);
        assertThat(store.recent(user, 10)).extracting(RecentInteraction::itemId).containsExactly("i2", "i1");
    }

    @Test
    void claimsExpireWithTheDedupeWindow() {
        String user = Fixtures.unique("user");
        FeatureUpdate play = update(user, Fixtures.unique("item"), EventType.PLAY, 2, "US", T0);

        store().applyAll(List.of(play), LIMITS);

        for (String claim : List.of(RedisKeys.userClaim(user, play.eventId()), RedisKeys.counterClaim(play.itemId(), play.eventId()),
                RedisKeys.trendingClaim("US", play.eventId()), RedisKeys.trendingClaim(FeatureUpdate.GLOBAL, play.eventId()))) {
            long ttl = client.dataSource().execute("PTTL", claim).toLong();
            assertThat(ttl).as(claim).isBetween(LIMITS.dedupeWindow().toMillis() - 60_000, LIMITS.dedupeWindow().toMillis());
        }
    }

    private static void assertSameState(BatchWorkload workload, FeatureStore actual, FeatureStore expected, Instant now) {
        for (int u = 0; u < workload.users(); u++) {
            String user = workload.user(u);
            assertThat(actual.recent(user, 100)).as("recent of %s", user).isEqualTo(expected.recent(user, 100));
            assertThat(actual.seen(user)).as("seen of %s", user).isEqualTo(expected.seen(user));
        }
        for (int i = 0; i < workload.items(); i++) {
            String item = workload.item(i);
            for (String counter : counterNames()) {
                assertThat(actual.counter(item, counter)).as("%s of %s", counter, item).isEqualTo(expected.counter(item, counter));
            }
        }
        for (String country : concat(workload.countries(), List.of(FeatureUpdate.GLOBAL))) {
            for (Instant at : List.of(now.minus(HALF_LIFE.multipliedBy(2)), now)) {
                assertThat(actual.trending(country, 1_000, at)).as("trending in %s at %s", country, at)
                        .filteredOn(s -> s.itemId().startsWith(workload.prefix()))
                        .isEqualTo(expected.trending(country, 1_000, at).stream().filter(s -> s.itemId().startsWith(workload.prefix())).toList())
                        .isNotEmpty();
            }
        }
    }

    private static List<String> counterNames() {
        return concat(Arrays.stream(EventType.values()).map(EventType::wireName).toList(), List.of(FeatureUpdate.WEIGHT_COUNTER));
    }

    private static Instant epochStartAfter(Instant at) {
        long epochMillis = HALF_LIFE.toMillis() * TrendingDecay.HALF_LIVES_PER_EPOCH;
        return Instant.ofEpochMilli((new TrendingDecay(HALF_LIFE).epochOf(at) + 1) * epochMillis);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static FeatureUpdate update(String user, String item, EventType type, double weight, String country, Instant at) {
        return new FeatureUpdate(Fixtures.unique("ev"), user, item, new RecentInteraction(item, type, at), type.wireName(), weight, country);
    }

    private static void claim(String key) {
        client.dataSource().execute("SET", key, "1", "PX", Long.toString(LIMITS.dedupeWindow().toMillis()));
    }

    private static boolean exists(String key) {
        return client.dataSource().execute("EXISTS", key).toInteger() == 1;
    }
}
