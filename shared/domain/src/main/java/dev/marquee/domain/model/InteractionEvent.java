package dev.marquee.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction of a user with an item, as accepted by the API and stored in the lake.
 * {@code eventId} is the idempotency key: a redelivered event carries the same id. {@code attribution} is what the
 * API verified from the event's tracking token (null without one); the lake keeps the token itself, from which
 * {@code dev.marquee.domain.tracking.TrackingTokens#read} recovers the same attribution offline (events read back
 * from the lake carry it again, see EventCodec).
 */
public record InteractionEvent(
        String eventId,
        String userId,
        String itemId,
        EventType type,
        Instant timestamp,
        Double progressPct,
        Double rating,
        String trackingToken,
        EventContext context,
        Attribution attribution) {

    public InteractionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        context = context == null ? EventContext.EMPTY : context;
    }

    public InteractionEvent(String eventId, String userId, String itemId, EventType type, Instant timestamp,
                            Double progressPct, Double rating, String trackingToken, EventContext context) {
        this(eventId, userId, itemId, type, timestamp, progressPct, rating, trackingToken, context, null);
    }

    public InteractionEvent withAttribution(Attribution a) {
        return new InteractionEvent(eventId, userId, itemId, type, timestamp, progressPct, rating, trackingToken, context, a);
    }

    public static InteractionEvent of(String eventId, String userId, String itemId, EventType type, Instant timestamp) {
        return new InteractionEvent(eventId, userId, itemId, type, timestamp, null, null, null, EventContext.EMPTY);
    }
}
