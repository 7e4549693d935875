package dev.marquee.domain.model;

import java.time.Instant;

/** One entry of a user's bounded recent-interactions list in the feature store. */
public record RecentInteraction(String itemId, EventType type, Instant at) {
}
