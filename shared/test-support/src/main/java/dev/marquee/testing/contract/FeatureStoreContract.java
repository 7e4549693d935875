package dev.marquee.testing.contract;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link FeatureStore} must do. Subclasses return a fresh store whose trending half-life is
 * {@link #HALF_LIFE}.
 */
public abstract class FeatureStoreContract {
    public static final Duration HALF_LIFE = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(3, Duration.ofHours(1));
    /** Wide enough to hold every item the suite bumps in the shared global set at T0. */
    private static final int ALL_OF_THEM = 10_000;
    protected FeatureStore store;
    private String user;

    protected abstract FeatureStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        user = Fixtures.unique("user");
    }

    @Test
    void claimingAnEventIdSucceedsOnlyOnce() {
        String id = Fixtures.unique("ev");

        assertThat(store.claimEvent(id, Duration.ofHours(1))).isTrue();
        assertThat(store.claimEvent(id, Duration.ofHours(1))).isFalse();
        assertThat(store.claimEvent(Fixtures.unique("ev"), Duration.ofHours(1))).isTrue();
    }

    @Test
    void recentInteractionsAreNewestFirstAndBounded() {
        for (int i = 0; i < 5; i++) {
            store.addRecent(user, new RecentInteraction("i" + i, EventType.PLAY, T0.plusSeconds(i)), 3);
        }

        assertThat(store.recent(user, 10)).containsExactly(
                new RecentInteraction("i4", EventType.PLAY, T0.plusSeconds(4)),
                new RecentInteraction("i3", EventType.PLAY, T0.plusSeconds(3)),
                new RecentInteraction("i2", EventType.PLAY, T0.plusSeconds(2)));
        assertThat(store.recent(user, 1)).extracting(RecentInteraction::itemId).containsExactly("i4");
    }

    @Test
    void seenSetHoldsEachItemOnce() {
        store.markSeen(user, "i1");
        store.markSeen(user, "i2");
        store.markSeen(user, "i1");

        assertThat(store.seen(user)).containsExactlyInAnyOrder("i1", "i2");
        assertThat(store.seen(Fixtures.unique("nobody"))).isEmpty();
    }

    @Test
    void countersAccumulatePerItemAndName() {
        String item = Fixtures.unique("item");
        store.incrementCounter(item, "plays", 1);
        store.incrementCounter(item, "plays", 2.5);
        store.incrementCounter(item, "completes", 1);

        assertThat(store.counter(item, "plays")).isEqualTo(3.5);
        assertThat(store.counter(item, "completes")).isEqualTo(1.0);
        assertThat(store.counter(item, "likes")).isZero();
    }

    @Test
    void trendingRanksByDecayedWeightPerCountry() {
        String country = Fixtures.unique("C");
        // an old burst of 4 loses to a fresh 3: 24 h is four half-lives, 4 / 16 = 0.25
        store.bumpTrending(country, "old", 4, T0.minus(Duration.ofHours(24)));
        store.bumpTrending(country, "fresh", 3, T0);
        store.bumpTrending(Fixtures.unique("other"), "elsewhere", 100, T0);

        assertThat(store.trending(country, 10, T0)).extracting(ScoredItem::itemId).containsExactly("fresh", "old");
        assertThat(store.trending(country, 10, T0).get(1).score()).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void trendingScoresDecayWithTheHalfLifeWhenRead() {
        String country = Fixtures.unique("C");
        store.bumpTrending(country, "i1", 8, T0);

        assertThat(store.trending(country, 1, T0.plus(HALF_LIFE)).get(0).score()).isCloseTo(4.0, within(1e-6));
        assertThat(store.trending(country, 1, T0.plus(HALF_LIFE.multipliedBy(3))).get(0).score()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void trendingSurvivesWeeksOfBumpsWithoutOverflow() {
        String country = Fixtures.unique("C");
        Instant late = T0.plus(Duration.ofDays(400));
        store.bumpTrending(country, "early", 1, T0);
        store.bumpTrending(country, "late", 1, late);

        assertThat(store.trending(country, 5, late)).first().satisfies(top -> {
            assertThat(top.itemId()).isEqualTo("late");
            assertThat(top.score()).isCloseTo(1.0, within(1e-6));
        });
    }

    @Test
    void trendingLimitsItsAnswer() {
        String country = Fixtures.unique("C");
        for (int i = 0; i < 20; i++) {
            store.bumpTrending(country, "i" + i, i + 1, T0);
        }

        assertThat(store.trending(country, 3, T0)).extracting(ScoredItem::itemId).containsExactly("i19", "i18", "i17");
    }

    @Test
    void deletingAUserErasesRecentAndSeen() {
        store.addRecent(user, new RecentInteraction("i1", EventType.LIKE, T0), 10);
        store.markSeen(user, "i1");

        store.deleteUser(user);

        assertThat(store.recent(user, 10)).isEmpty();
        assertThat(store.seen(user)).isEmpty();
    }

    @Test
    void applyingABatchUpdatesEveryFeatureLikeTheSingleCalls() {
        String item = Fixtures.unique("item");
        String other = Fixtures.unique("item");
        String country = Fixtures.unique("C");
        List<FeatureUpdate> batch = List.of(
                update(user, item, EventType.PLAY, 2, country, T0),
                update(user, other, EventType.LIKE, 4, country, T0.plusSeconds(1)),
                update(user, item, EventType.COMPLETE, 4, country, T0.plusSeconds(2)));

        assertThat(store.applyAll(batch, LIMITS)).isEqualTo(3);

        assertThat(store.recent(user, 10)).containsExactly(
                new RecentInteraction(item, EventType.COMPLETE, T0.plusSeconds(2)),
                new RecentInteraction(other, EventType.LIKE, T0.plusSeconds(1)),
                new RecentInteraction(item, EventType.PLAY, T0));
        assertThat(store.seen(user)).containsExactlyInAnyOrder(item, other);
        assertThat(store.counter(item, "play")).isEqualTo(1.0);
        assertThat(store.counter(item, "complete")).isEqualTo(1.0);
        assertThat(store.counter(item, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(6.0);
        assertThat(store.counter(other, "like")).isEqualTo(1.0);
        FeatureStore reference = newStore();
        String referenceCountry = Fixtures.unique("C");
        reference.bumpTrending(referenceCountry, item, 2, T0);
        reference.bumpTrending(referenceCountry, other, 4, T0.plusSeconds(1));
        reference.bumpTrending(referenceCountry, item, 4, T0.plusSeconds(2));
        List<ScoredItem> expected = reference.trending(referenceCountry, 10, T0.plusSeconds(2));
        assertThat(store.trending(country, 10, T0.plusSeconds(2))).hasSize(2).zipSatisfy(expected, (actual, wanted) -> {
            assertThat(actual.itemId()).isEqualTo(wanted.itemId());
            assertThat(actual.score()).isCloseTo(wanted.score(), within(1e-9));
        });
        assertThat(globalScores(T0.plusSeconds(2), item, other)).zipSatisfy(expected, (actual, wanted) ->
                assertThat(actual.score()).isCloseTo(wanted.score(), within(1e-9)));
    }

    @Test
    void applyingTheSameBatchAgainChangesNothingAndCountsNothing() {
        String item = Fixtures.unique("item");
        String country = Fixtures.unique("C");
        List<FeatureUpdate> batch = List.of(
                update(user, item, EventType.PLAY, 2, country, T0),
                update(user, item, EventType.CLICK, 1, country, T0.plusSeconds(1)));
        assertThat(store.applyAll(batch, LIMITS)).isEqualTo(2);
        List<RecentInteraction> recent = store.recent(user, 10);
        List<ScoredItem> trending = store.trending(country, 10, T0);

        assertThat(store.applyAll(batch, LIMITS)).isZero();

        assertThat(store.recent(user, 10)).isEqualTo(recent);
        assertThat(store.counter(item, "play")).isEqualTo(1.0);
        assertThat(store.counter(item, "click")).isEqualTo(1.0);
        assertThat(store.counter(item, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(3.0);
        assertThat(store.trending(country, 10, T0)).isEqualTo(trending);
    }

    @Test
    void aRedeliveryAppliesOnlyTheEventsNotSeenBefore() {
        String item = Fixtures.unique("item");
        FeatureUpdate first = update(user, item, EventType.PLAY, 2, "US", T0);
        FeatureUpdate second = update(user, item, EventType.LIKE, 4, "US", T0.plusSeconds(1));
        store.applyAll(List.of(first), LIMITS);

        assertThat(store.applyAll(List.of(first, second), LIMITS)).isEqualTo(1);

        assertThat(store.recent(user, 10)).extracting(RecentInteraction::type).containsExactly(EventType.LIKE, EventType.PLAY);
        assertThat(store.counter(item, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(6.0);
    }

    @Test
    void anEventIdTwiceInOneBatchCountsOnce() {
        String item = Fixtures.unique("item");
        FeatureUpdate play = update(user, item, EventType.PLAY, 2, "US", T0);

        assertThat(store.applyAll(List.of(play, play), LIMITS)).isEqualTo(1);

        assertThat(store.recent(user, 10)).hasSize(1);
        assertThat(store.counter(item, "play")).isEqualTo(1.0);
        assertThat(store.counter(item, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(2.0);
        assertThat(globalScores(T0, item)).singleElement().satisfies(s -> assertThat(s.score()).isCloseTo(2.0, within(1e-9)));
    }

    @Test
    void anImpressionIsRecentAndCountedButNotSeen() {
        String item = Fixtures.unique("item");

        store.applyAll(List.of(update(user, item, EventType.IMPRESSION, 0, "US", T0)), LIMITS);

        assertThat(store.recent(user, 10)).extracting(RecentInteraction::itemId).containsExactly(item);
        assertThat(store.seen(user)).isEmpty();
        assertThat(store.counter(item, "impression")).isEqualTo(1.0);
    }

    @Test
    void negativeAndZeroWeightsAreCountedButNeverTrend() {
        String disliked = Fixtures.unique("item");
        String skipped = Fixtures.unique("item");
        String shown = Fixtures.unique("item");
        String country = Fixtures.unique("C");

        store.applyAll(List.of(
                update(user, disliked, EventType.DISLIKE, -4, country, T0),
                update(user, skipped, EventType.SKIP, -1, country, T0),
                update(user, shown, EventType.IMPRESSION, 0, country, T0)), LIMITS);

        assertThat(store.counter(disliked, FeatureUpdate.WEIGHT_COUNTER)).isEqualTo(-4.0);
        assertThat(store.counter(skipped, "skip")).isEqualTo(1.0);
        assertThat(store.trending(country, 10, T0)).isEmpty();
        assertThat(globalScores(T0, disliked, skipped, shown)).isEmpty();
    }

    @Test
    void anEventWithoutACountryTrendsOnlyGlobally() {
        String item = Fixtures.unique("item");

        store.applyAll(List.of(update(user, item, EventType.PURCHASE, 5, null, T0)), LIMITS);

        assertThat(globalScores(T0, item)).singleElement().satisfies(s -> assertThat(s.score()).isCloseTo(5.0, within(1e-9)));
    }

    /** More events of one user than one request of a batching store holds: still in order, still bounded. */
    @Test
    void aLongBatchForOneUserKeepsTheNewestInOrder() {
        String items = Fixtures.unique("item");
        List<FeatureUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            batch.add(update(user, items + "-" + i, EventType.CLICK, 1, "US", T0.plusSeconds(i)));
        }

        assertThat(store.applyAll(batch, new FeatureUpdate.Limits(5, Duration.ofHours(1)))).isEqualTo(700);

        assertThat(store.recent(user, 10)).extracting(RecentInteraction::itemId).containsExactly(
                items + "-699", items + "-698", items + "-697", items + "-696", items + "-695");
        assertThat(store.seen(user)).hasSize(700);
    }

    @Test
    void anEmptyBatchAppliesNothing() {
        assertThat(store.applyAll(List.of(), LIMITS)).isZero();
    }

    private static FeatureUpdate update(String userId, String itemId, EventType type, double weight, String country, Instant at) {
        return new FeatureUpdate(Fixtures.unique("ev"), userId, itemId, new RecentInteraction(itemId, type, at), type.wireName(),
                weight, country);
    }

    /** The global trending entries of {@code items}, best first; the global set is shared with the rest of the suite. */
    private List<ScoredItem> globalScores(Instant now, String... items) {
        List<String> wanted = List.of(items);
        return store.trending(FeatureUpdate.GLOBAL, ALL_OF_THEM, now).stream().filter(s -> wanted.contains(s.itemId())).toList();
    }
}
