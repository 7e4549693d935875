package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.model.Item;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The wire form of a catalog item: the names a PUT takes, countries and attributes sorted so answers are stable. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemJson(
        String itemId,
        String title,
        List<String> genres,
        List<String> tags,
        String contentType,
        String releasedAt,
        List<String> availableCountries,
        Map<String, String> attributes) {

    public static ItemJson of(Item item) {
        return new ItemJson(item.itemId(), item.title(), item.genres(), item.tags(), item.contentType(),
                item.releasedAt() == null ? null : item.releasedAt().toString(),
                item.availableCountries().stream().sorted().toList(), new TreeMap<>(item.attributes()));
    }
}
