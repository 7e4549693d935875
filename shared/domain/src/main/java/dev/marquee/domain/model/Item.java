package dev.marquee.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog item. {@code availableCountries} empty means available everywhere (no licensing restriction).
 */
public record Item(
        String itemId,
        String title,
        List<String> genres,
        List<String> tags,
        String contentType,
        Instant releasedAt,
        Set<String> availableCountries,
        Map<String, String> attributes) {

    public Item {
        Objects.requireNonNull(itemId, "itemId");
        genres = genres == null ? List.of() : List.copyOf(genres);
        tags = tags == null ? List.of() : List.copyOf(tags);
        availableCountries = availableCountries == null ? Set.of() : Set.copyOf(availableCountries);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean isAvailableIn(String country) {
        return availableCountries.isEmpty() || country == null || availableCountries.contains(country);
    }
}
