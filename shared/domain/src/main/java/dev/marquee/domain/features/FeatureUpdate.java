package dev.marquee.domain.features;

import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.RecentInteraction;

import java.time.Duration;

/**
 * What one event changes in the real-time features, computed once here so every feature store applies the same
 * thing: the user's recent list and seen set, per-item counters (one per event type, plus the summed weight) and,
 * for positive weights, trending in the event's country and globally.
 */
public record FeatureUpdate(
        String eventId,
        String userId,
        String itemId,
        RecentInteraction recent,
        String typeCounter,
        double weight,
        String country) {

    /** The trending key for all countries together. */
    public static final String GLOBAL = "ALL";
    public static final String WEIGHT_COUNTER = "weight";

    public static FeatureUpdate of(InteractionEvent e, EventWeights weights) {
        return new FeatureUpdate(e.eventId(), e.userId(), e.itemId(), new RecentInteraction(e.itemId(), e.type(), e.timestamp()),
                e.type().wireName(), weights.weightOf(e), e.context().country());
    }

    /** Settings of the feature updates. */
    public record Limits(int recentMax, Duration dedupeWindow) {
    }

    public boolean seen() {
        // an impression alone is not "seen": the user may not have noticed it
        return !typeCounter.equals("impression");
    }
}
