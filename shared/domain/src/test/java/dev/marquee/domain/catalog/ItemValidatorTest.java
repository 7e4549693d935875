package dev.marquee.domain.catalog;

import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ItemValidatorTest {
    private final ItemValidator validator = new ItemValidator();

    private static Map<String, Object> valid() {
        Map<String, Object> f = new HashMap<>();
        f.put("title", "The Long Night");
        f.put("genres", List.of("drama", "thriller"));
        f.put("tags", List.of("Ana Silva", "slow-burn"));
        f.put("content_type", "movie");
        f.put("released_at", "2024-05-01T20:00:00+02:00");
        f.put("available_countries", List.of("US", "GB"));
        f.put("attributes", Map.of("studio", "Acme", "runtime_min", "128"));
        return f;
    }

    private List<String> fieldsOf(Map<String, Object> fields) {
        ItemValidator.Result r = validator.validate("i42", fields);
        assertThat(r.valid()).isFalse();
        return r.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteItemBecomesAnItemWithItsPathId() {
        ItemValidator.Result r = validator.validate("i42", valid());

        assertThat(r.errors()).isEmpty();
        assertThat(r.item()).isEqualTo(new Item("i42", "The Long Night", List.of("drama", "thriller"),
                List.of("Ana Silva", "slow-burn"), "movie", Instant.parse("2024-05-01T18:00:00Z"), Set.of("US", "GB"),
                Map.of("studio", "Acme", "runtime_min", "128")));
    }

    @Test
    void onlyTheTitleIsRequiredAndNoCountriesMeansEverywhere() {
        ItemValidator.Result r = validator.validate("i1", Map.of("title", "T"));

        assertThat(r.item().availableCountries()).isEmpty();
        assertThat(r.item().isAvailableIn("FR")).isTrue();
        assertThat(r.item().genres()).isEmpty();
        assertThat(r.item().releasedAt()).isNull();
    }

    @Test
    void aDateAloneIsMidnightUtc() {
        Map<String, Object> f = valid();
        f.put("released_at", "1999-03-31");

        assertThat(validator.validate("i1", f).item().releasedAt()).isEqualTo(Instant.parse("1999-03-31T00:00:00Z"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, Object> f = new HashMap<>();
        f.put("title", "  ");
        f.put("genres", "drama");
        f.put("tags", List.of("ok", 7));
        f.put("content_type", "Feature Film");
        f.put("released_at", "2024-05-01T20:00:00");
        f.put("available_countries", List.of("US", "usa", "XX"));
        f.put("attributes", Map.of("rating", 5));
        f.put("releaseDate", "2024");

        assertThat(fieldsOf(f)).containsExactlyInAnyOrder("releaseDate", "title", "genres", "tags[1]", "content_type",
                "released_at", "available_countries[1]", "available_countries[2]", "attributes.rating");
    }

    @Test
    void likelyTyposGetAHint() {
        Map<String, Object> f = valid();
        f.put("contentType", "movie");

        assertThat(validator.validate("i1", f).errors()).singleElement()
                .isEqualTo(new FieldError("contentType", "is not a known field (did you mean content_type?)"));
    }

    @Test
    void theIdFollowsTheEventIdRuleAndMustMatchThePath() {
        assertThat(validator.validate("bad id", valid()).errors()).extracting(FieldError::field).containsExactly("item_id");
        Map<String, Object> f = valid();
        f.put("item_id", "i43");
        assertThat(fieldsOf(f)).containsExactly("item_id");
        f.put("item_id", "i42");
        assertThat(validator.validate("i42", f).valid()).isTrue();
    }

    @Test
    void withoutAPathIdTheFieldsMustCarryOne() {
        assertThat(validator.validate(null, valid()).errors()).extracting(FieldError::field).containsExactly("item_id");
        Map<String, Object> f = valid();
        f.put("item_id", "i7");
        assertThat(validator.validate(null, f).item().itemId()).isEqualTo("i7");
    }

    @Test
    void sizesAreBounded() {
        Map<String, Object> f = valid();
        f.put("title", "x".repeat(ItemValidator.MAX_TITLE + 1));
        f.put("genres", java.util.Collections.nCopies(ItemValidator.MAX_GENRES + 1, "drama"));
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        f.put("attributes", many);

        assertThat(fieldsOf(f)).containsExactlyInAnyOrder("title", "genres", "attributes");
    }

    @Test
    void releaseDatesOutsideTheSaneRangeAreRefused() {
        Map<String, Object> f = valid();
        f.put("released_at", "1700-01-01");
        assertThat(fieldsOf(f)).containsExactly("released_at");
        f.put("released_at", 1714586400);
        assertThat(fieldsOf(f)).containsExactly("released_at");
    }
}
