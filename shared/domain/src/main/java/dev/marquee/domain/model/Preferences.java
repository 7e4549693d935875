package dev.marquee.domain.model;

import java.util.List;

/** What a user told us at onboarding: favourite genres and seed items. */
public record Preferences(List<String> genres, List<String> seedItems) {
    public static final Preferences NONE = new Preferences(List.of(), List.of());

    public Preferences {
        genres = genres == null ? List.of() : List.copyOf(genres);
        seedItems = seedItems == null ? List.of() : List.copyOf(seedItems);
    }
}
