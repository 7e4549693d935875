package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemFilterTest {
    private static final Item COMEDY_MOVIE = new Item("a", "A", List.of("Comedy", "drama"), List.of("promo"), "movie",
            Instant.EPOCH, Set.of(), Map.of());
    private static final Item HORROR_SERIES = new Item("b", "B", List.of("horror"), List.of(), "series", Instant.EPOCH, Set.of(), Map.of());

    @Test
    void clausesMustAllHoldAndAlternativesAnyOneIgnoringCase() {
        ItemFilter f = ItemFilter.parse("genre:comedy|horror,content_type:MOVIE");

        assertThat(f.matches(COMEDY_MOVIE)).isTrue();
        assertThat(f.matches(HORROR_SERIES)).isFalse();
        assertThat(ItemFilter.parse("genre:horror").matches(HORROR_SERIES)).isTrue();
        assertThat(ItemFilter.parse("tag:promo").matches(COMEDY_MOVIE)).isTrue();
    }

    @Test
    void blankIsNoFilter() {
        assertThat(ItemFilter.parse(null).isNone()).isTrue();
        assertThat(ItemFilter.parse("  ")).isSameAs(ItemFilter.NONE);
        assertThat(ItemFilter.NONE.matches(HORROR_SERIES)).isTrue();
    }

    @Test
    void anUnknownFieldIsAValidationErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> ItemFilter.parse("genre:comedy,colour:blue"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("unknown field 'colour'")
                .hasMessageContaining("genre, content_type, tag")
                .satisfies(e -> assertThat(((InvalidFilterException) e).field()).isEqualTo("filter"));
    }

    @Test
    void malformedClausesAreValidationErrors() {
        assertThatThrownBy(() -> ItemFilter.parse("comedy")).isInstanceOf(InvalidFilterException.class).hasMessageContaining("field:value");
        assertThatThrownBy(() -> ItemFilter.parse("genre:")).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> ItemFilter.parse("genre:a||b")).isInstanceOf(InvalidFilterException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> ItemFilter.parse("genre:a,")).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> ItemFilter.parse("genre:a,".repeat(11) + "genre:b")).isInstanceOf(InvalidFilterException.class);
    }
}
