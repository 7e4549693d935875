package dev.marquee.testing.contract;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link FeatureStore} must do. Subclasses return a fresh store whose trending half-life is
 * {@link #HALF_LIFE}.
 */
public abstract class FeatureStoreContract {
    public static final Duration HALF_LIFE = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
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
}
