package dev.marquee.domain.funnel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

class FallbackPopularityTest {
    private final FallbackPopularity fallback = new FallbackPopularity();

    @Test
    void theLastResortKeepsTheRequestsFilterCountryAndExclusions() {
        fallback.replace(List.of(item("c1", "Comedy", 10), item("d1", "Drama", 10, "US"), item("c2", "Comedy", 10),
                item("d2", "Drama", 10), item("d3", "Drama", 10)));

        assertThat(ids(fallback.recommend("DE", Set.of("d2"), ItemFilter.parse("genre:drama"), 5))).containsExactly("d3");
        assertThat(ids(fallback.recommend("US", Set.of(), ItemFilter.parse("genre:drama"), 2))).containsExactly("d1", "d2");
        assertThat(ids(fallback.recommend("US", Set.of(), 3))).containsExactly("c1", "d1", "c2");
    }
}
