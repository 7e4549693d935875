package dev.marquee.domain.ingest;

import java.util.Map;

/**
 * An event as it arrives, before validation: the JSON fields as parsed, untyped. {@code timestamp} may be a
 * String (ISO-8601) or a Number (epoch seconds or milliseconds); numbers may arrive as strings.
 */
public record RawEvent(
        Object eventId,
        Object userId,
        Object itemId,
        Object eventType,
        Object timestamp,
        Object progressPct,
        Object rating,
        Object trackingToken,
        Map<String, Object> context) {
}
