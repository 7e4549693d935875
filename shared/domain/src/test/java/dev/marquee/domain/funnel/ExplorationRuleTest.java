package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.recs;
import static org.assertj.core.api.Assertions.assertThat;

class ExplorationRuleTest {
    private final Map<String, Item> items = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    ExplorationRuleTest() {
        for (int i = 0; i < 10; i++) {
            items.put("old" + i, item("old" + i, "drama", 1000));
            order.add("old" + i);
        }
        for (int i = 0; i < 4; i++) {
            items.put("new" + i, item("new" + i, "drama", 3));
            order.add("new" + i);
        }
        items.put("tooOld", item("tooOld", "drama", 90));
        order.add("tooOld");
    }

    @Test
    void newItemsFromBelowTheCutTakeTheShareOfSlotsExplainedAsExploration() {
        List<Recommendation> out = new ExplorationRule(0.2, Duration.ofDays(30))
                .apply(recs(order.toArray(String[]::new)), context(10), items);

        List<Recommendation> top = out.subList(0, 10);
        List<Recommendation> explored = top.stream().filter(r -> r.reason().type() == ReasonType.EXPLORATION).toList();
        assertThat(explored).hasSize(2);
        assertThat(ids(explored)).allSatisfy(id -> assertThat(id).startsWith("new"));
        assertThat(explored).allSatisfy(r -> assertThat(r.source()).isEqualTo("test"));
        // spread over the page (positions 3 and 6 of 10), the rest keep their order
        assertThat(top.get(3).reason().type()).isEqualTo(ReasonType.EXPLORATION);
        assertThat(top.get(6).reason().type()).isEqualTo(ReasonType.EXPLORATION);
        assertThat(ids(top).stream().filter(id -> id.startsWith("old")).toList())
                .containsExactly("old0", "old1", "old2", "old3", "old4", "old5", "old6", "old7");
        assertThat(out).hasSize(order.size());
    }

    @Test
    void theChoiceIsStableForAUserWithinADay() {
        ExplorationRule rule = new ExplorationRule(0.2, Duration.ofDays(30));
        var in = recs(order.toArray(String[]::new));

        assertThat(ids(rule.apply(in, context(10), items))).isEqualTo(ids(rule.apply(in, context(10), items)));
    }

    @Test
    void itemsOlderThanTheCutOffAreNeverExplored() {
        var in = recs("old0", "old1", "old2", "old3", "tooOld");

        var out = new ExplorationRule(0.5, Duration.ofDays(30)).apply(in, context(4), items);

        assertThat(out).isEqualTo(in);
    }

    @Test
    void aZeroShareChangesNothing() {
        var in = recs(order.toArray(String[]::new));

        assertThat(new ExplorationRule(0, Duration.ofDays(30)).apply(in, context(10), items)).isEqualTo(in);
        assertThat(Set.copyOf(ids(in))).hasSize(order.size());
    }
}
