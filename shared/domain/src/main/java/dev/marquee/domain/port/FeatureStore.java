package dev.marquee.domain.port;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Real-time features: recent interactions, seen sets, per-item counters, trending with time decay.
 * A cache of what the lake holds, never the only copy of anything.
 */
public interface FeatureStore {

    /**
     * Claims an event id for feature updates; true the first time, false for a redelivery within {@code ttl}.
     * Makes feature updates idempotent under at-least-once delivery.
     */
    boolean claimEvent(String eventId, Duration ttl);

    /** Prepends to the user's recent list, keeping the newest {@code maxLength}. */
    void addRecent(String userId, RecentInteraction interaction, int maxLength);

    /** Newest first. */
    List<RecentInteraction> recent(String userId, int limit);

    void markSeen(String userId, String itemId);

    Set<String> seen(String userId);

    /** Adds {@code delta} to a named per-item counter (plays, completes...). */
    void incrementCounter(String itemId, String counter, double delta);

    double counter(String itemId, String counter);

    /**
     * Adds {@code weight} at time {@code at} to the item's trending score in {@code country};
     * scores decay exponentially with the configured half-life.
     */
    void bumpTrending(String country, String itemId, double weight, Instant at);

    /** Top trending items in {@code country}, scores decayed to {@code now}, best first. */
    List<ScoredItem> trending(String country, int limit, Instant now);

    /** Erases everything held about a user (recent list, seen set). */
    void deleteUser(String userId);

    /**
     * Applies each update at most once per event id within the dedupe window, so redelivered events do not
     * double-count; returns how many were applied (new). Adapters that can should do this in one round trip;
     * this default claims then applies, event by event.
     */
    default int applyAll(java.util.List<FeatureUpdate> updates, FeatureUpdate.Limits limits) {
        int applied = 0;
        for (FeatureUpdate u : updates) {
            if (!claimEvent(u.eventId(), limits.dedupeWindow())) {
                continue;
            }
            addRecent(u.userId(), u.recent(), limits.recentMax());
            if (u.seen()) {
                markSeen(u.userId(), u.itemId());
            }
            incrementCounter(u.itemId(), u.typeCounter(), 1);
            incrementCounter(u.itemId(), FeatureUpdate.WEIGHT_COUNTER, u.weight());
            if (u.weight() > 0) {
                if (u.country() != null) {
                    bumpTrending(u.country(), u.itemId(), u.weight(), u.recent().at());
                }
                bumpTrending(FeatureUpdate.GLOBAL, u.itemId(), u.weight(), u.recent().at());
            }
            applied++;
        }
        return applied;
    }
}
