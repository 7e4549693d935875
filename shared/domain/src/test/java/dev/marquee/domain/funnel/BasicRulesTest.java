package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.byId;
import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.recs;
import static org.assertj.core.api.Assertions.assertThat;

/** The filtering rules: seen, exclude, availability (licensing), filter expressions. Each keeps the order of the rest. */
class BasicRulesTest {
    private final Map<String, Item> items = byId(item("a", "comedy", 1), item("b", "drama", 1, "US"), item("c", "comedy", 1),
            item("d", "horror", 1));

    @Test
    void removeSeenDropsWhatTheUserAlreadyInteractedWith() {
        RecommendationContext ctx = context(new RecommendationRequest("u1", "homepage", 10, null, null, Set.of()), Set.of("b", "d"), List.of());

        assertThat(ids(new RemoveSeenRule().apply(recs("a", "b", "c", "d"), ctx, items))).containsExactly("a", "c");
    }

    @Test
    void excludeDropsTheIdsTheCallerNamed() {
        RecommendationContext ctx = context(new RecommendationRequest("u1", "homepage", 10, null, null, Set.of("a", "zz")), Set.of(), List.of());

        assertThat(ids(new ExcludeRule().apply(recs("a", "b", "c"), ctx, items))).containsExactly("b", "c");
    }

    @Test
    void availabilityDropsItemsNotLicensedInTheCountryAndItemsTheCatalogDoesNotKnow() {
        RecommendationContext gb = context(new RecommendationRequest("u1", "homepage", 10, "GB", null, Set.of()), Set.of(), List.of());
        RecommendationContext us = context(new RecommendationRequest("u1", "homepage", 10, "US", null, Set.of()), Set.of(), List.of());

        assertThat(ids(new AvailabilityRule().apply(recs("a", "b", "gone", "c"), gb, items))).containsExactly("a", "c");
        assertThat(ids(new AvailabilityRule().apply(recs("a", "b", "gone", "c"), us, items))).containsExactly("a", "b", "c");
    }

    @Test
    void filterKeepsOnlyMatchingItems() {
        RecommendationContext ctx = context(new RecommendationRequest("u1", "homepage", 10, null, null, Set.of(),
                ItemFilter.parse("genre:comedy|horror")), Set.of(), List.of());

        assertThat(ids(new FilterRule().apply(recs("a", "b", "c", "d", "gone"), ctx, items))).containsExactly("a", "c", "d");
        assertThat(ids(new FilterRule().apply(recs("a", "b"), context(10), items))).containsExactly("a", "b");
    }
}
