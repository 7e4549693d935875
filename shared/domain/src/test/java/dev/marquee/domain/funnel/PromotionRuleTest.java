package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.byId;
import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.recs;
import static org.assertj.core.api.Assertions.assertThat;

class PromotionRuleTest {
    private static Item promo(String id, String... countries) {
        return new Item(id, id, List.of("drama"), List.of("promo"), "movie", Instant.parse("2026-11-01T00:00:00Z"), Set.of(countries), Map.of());
    }

    private final Item p1 = promo("p1");
    private final Item p2 = promo("p2", "US");
    private final Item p3 = promo("p3");
    private final Map<String, Item> items = byId(item("a", "drama", 5), item("b", "drama", 5), item("c", "drama", 5),
            item("d", "drama", 5), p1);
    private final CatalogIndex catalog = CatalogIndex.of(List.of(p1, p2, p3, item("a", "drama", 5)));

    @Test
    void aShareOfSlotsGoesToCampaignItemsFromTheCandidatesFirstThenTheCatalog() {
        PromotionRule rule = new PromotionRule(ItemFilter.parse("tag:promo"), 0.5, catalog);
        RecommendationContext gb = context(new RecommendationRequest("u1", "homepage", 4, "GB", null, Set.of()), Set.of(), List.of());

        List<Recommendation> out = rule.apply(recs("a", "b", "c", "d", "p1"), gb, items);

        List<Recommendation> promoted = out.stream().filter(r -> r.reason().type() == ReasonType.PROMOTED).toList();
        // p1 was a candidate below the cut; p3 comes from the catalog; p2 is not licensed in GB
        assertThat(ids(promoted)).containsExactly("p1", "p3");
        assertThat(promoted.getFirst().reason().detail()).isEqualTo("tag:promo");
        assertThat(promoted.get(1).source()).isEqualTo(PromotionRule.SOURCE);
        assertThat(ids(out.subList(0, 4))).containsExactly("a", "p1", "p3", "b");
    }

    @Test
    void campaignItemsAlreadyInTheTopCountTowardTheShare() {
        PromotionRule rule = new PromotionRule(ItemFilter.parse("tag:promo"), 0.25, catalog);

        List<Recommendation> in = recs("a", "p1", "b", "c");

        assertThat(rule.apply(in, context(4), items)).isEqualTo(in);
    }

    @Test
    void seenAndExcludedCampaignItemsAreNotPromoted() {
        PromotionRule rule = new PromotionRule(ItemFilter.parse("tag:promo"), 0.5, catalog);
        RecommendationContext ctx = context(new RecommendationRequest("u1", "homepage", 4, "US", null, Set.of("p2")), Set.of("p3"), List.of());

        List<Recommendation> out = rule.apply(recs("a", "b", "c", "d"), ctx, items);

        assertThat(ids(out)).doesNotContain("p2", "p3");
        assertThat(ids(out)).contains("p1");
    }

    @Test
    void withoutACampaignNothingChanges() {
        var in = recs("a", "b");

        assertThat(new PromotionRule(ItemFilter.NONE, 0.5, catalog).apply(in, context(2), items)).isEqualTo(in);
    }
}
