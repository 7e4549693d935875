package dev.marquee.api.serving;

import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.ReasonType;

import java.util.List;
import java.util.Set;

/** The last resort of every list endpoint: the in-memory popularity list the recommendations fallback uses too. */
final class StaticPopularity {
    static final String NAME = "static_popularity";

    private StaticPopularity() {
    }

    static List<ListedItem> of(FallbackPopularity fallback, String country, Set<String> excluded, int limit) {
        return fallback.recommend(country, excluded, limit).stream()
                .map(r -> new ListedItem(r.itemId(), r.score(), ReasonType.POPULAR_WITH_SIMILAR_USERS.wireName(), null, r.source()))
                .toList();
    }
}
