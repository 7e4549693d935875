package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.marquee.domain.funnel.Fixtures.NOW;
import static dev.marquee.domain.funnel.Fixtures.byId;
import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.recs;
import static org.assertj.core.api.Assertions.assertThat;

class FreshnessBoostRuleTest {
    private final Map<String, Item> items = byId(item("old1", "drama", 2000), item("old2", "drama", 2000),
            item("new", "drama", 0), item("month", "drama", 30));

    @Test
    void aNewReleaseMovesUpPastOlderItemsOfSimilarRank() {
        var out = new FreshnessBoostRule(0.5, Duration.ofDays(30)).apply(recs("old1", "old2", "new"), context(3), items);

        // rank utilities 1/log2(rank + 2): old1 1.0, old2 0.63 (old: no boost), new 0.5 * (1 + 0.5) = 0.75
        assertThat(ids(out)).containsExactly("old1", "new", "old2");
    }

    @Test
    void nearTheTopABoostMovesAnItemOnlyAPlaceOrTwo() {
        var out = new FreshnessBoostRule(0.3, Duration.ofDays(30)).apply(recs("old1", "old2", "old1b", "new"), context(4),
                byId(item("old1", "drama", 2000), item("old2", "drama", 2000), item("old1b", "drama", 2000), item("new", "drama", 0)));

        // new: 1/log2(5) * 1.3 = 0.56 passes old1b (0.5) but not old2 (0.63)
        assertThat(ids(out)).containsExactly("old1", "old2", "new", "old1b");
    }

    @Test
    void theBoostHalvesEveryHalfLife() {
        FreshnessBoostRule rule = new FreshnessBoostRule(1, Duration.ofDays(30));

        assertThat(rule.freshness(items.get("new"), NOW)).isEqualTo(1.0);
        assertThat(rule.freshness(items.get("month"), NOW)).isEqualTo(0.5);
        assertThat(rule.freshness(null, NOW)).isZero();
    }

    @Test
    void aZeroBoostChangesNothing() {
        var in = recs("old1", "old2", "new");

        assertThat(new FreshnessBoostRule(0, Duration.ofDays(30)).apply(in, context(3), items)).isEqualTo(in);
    }
}
