package dev.marquee.domain.ranking;

import dev.marquee.domain.model.Preferences;

import java.time.Instant;
import java.util.Objects;

/**
 * The request side of a feature row: who asks, where, on what and when. The trainer builds one per training group
 * (from the events' context), the api one per request; country, device and surface may be unknown (null).
 */
public record RankingQuery(String userId, String country, String device, String surface, Instant at, Preferences preferences) {
    public RankingQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        preferences = preferences == null ? Preferences.NONE : preferences;
    }
}
