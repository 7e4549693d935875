package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.marquee.domain.funnel.Fixtures.byId;
import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.recs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiversityRuleTest {
    private final Map<String, Item> items = byId(item("c1", "comedy", 1), item("c2", "comedy", 1), item("c3", "comedy", 1),
            item("c4", "comedy", 1), item("d1", "drama", 1), item("h1", "horror", 1));

    @Test
    void atMostNOfAGenreInAnyWindowTakingTheBestItemThatFits() {
        // window 3, at most 1 comedy per 3 consecutive positions
        var out = new DiversityRule(1, 3).apply(recs("c1", "c2", "c3", "d1", "h1", "c4"), context(6), items);

        assertThat(ids(out)).containsExactly("c1", "d1", "h1", "c2", "c3", "c4");
    }

    @Test
    void whenNothingFitsTheBestRemainingItemIsTakenRatherThanLeavingAGap() {
        var out = new DiversityRule(1, 2).apply(recs("c1", "c2", "c3"), context(3), items);

        assertThat(ids(out)).containsExactly("c1", "c2", "c3");
    }

    @Test
    void positionsBeyondTheLimitKeepTheirOrder() {
        var out = new DiversityRule(1, 2).apply(recs("c1", "c2", "d1", "c3", "h1"), context(2), items);

        assertThat(ids(out)).containsExactly("c1", "d1", "c2", "c3", "h1");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new DiversityRule(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiversityRule(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
