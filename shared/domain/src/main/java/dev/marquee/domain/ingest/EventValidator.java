package dev.marquee.domain.ingest;

import dev.marquee.domain.model.Attribution;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.tracking.TrackingTokens;
import dev.marquee.domain.validation.FieldRules;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a {@link RawEvent} into an {@link InteractionEvent} or the list of everything wrong with it, field by
 * field. The same rules hold for the API and the stream consumers, so what the API accepts the lake accepts.
 */
public final class EventValidator {
    private static final Set<String> CONTEXT_FIELDS = Set.of("device", "country", "session_id", "surface");
    /** Epoch numbers above this are milliseconds (it is 2001-09-09 in seconds). */
    private static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

    private final Clock clock;
    private final Duration maxFuture;
    private final Duration maxAge;
    private final Supplier<String> ids;
    private final TrackingTokens tokens;

    /**
     * @param maxFuture how far ahead of the server clock a timestamp may be (device clocks drift)
     * @param maxAge    how old an event may be; older ones are rejected rather than written into old partitions
     */
    public EventValidator(Clock clock, Duration maxFuture, Duration maxAge, Supplier<String> ids) {
        this(clock, maxFuture, maxAge, ids, null);
    }

    private EventValidator(Clock clock, Duration maxFuture, Duration maxAge, Supplier<String> ids, TrackingTokens tokens) {
        this.clock = clock;
        this.maxFuture = maxFuture;
        this.maxAge = maxAge;
        this.ids = ids;
        this.tokens = tokens;
    }

    /**
     * The same rules, plus: a {@code tracking_token} must verify (signature, age, issued to this user); the event then
     * carries its {@link Attribution} (variant, model version, request, position). Used where tokens are issued
     * (the API); stream consumers downstream take the API's word and keep the token as it is.
     */
    public EventValidator withTrackingTokens(TrackingTokens verifier) {
        return new EventValidator(clock, maxFuture, maxAge, ids, verifier);
    }

    public static EventValidator standard(Clock clock) {
        return new EventValidator(clock, Duration.ofMinutes(5), Duration.ofDays(30), () -> UUID.randomUUID().toString());
    }

    /** The outcome for one event: exactly one of {@code event} and {@code errors} is meaningful. */
    public record Result(InteractionEvent event, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Result validate(RawEvent raw) {
        List<FieldError> errors = new ArrayList<>();
        String eventId = raw.eventId() == null ? ids.get() : FieldRules.id("event_id", raw.eventId(), errors);
        String userId = FieldRules.requiredId("user_id", raw.userId(), errors);
        String itemId = FieldRules.requiredId("item_id", raw.itemId(), errors);
        EventType type = type(raw.eventType(), errors);
        Instant at = timestamp(raw.timestamp(), errors);
        Double progress = number("progress_pct", raw.progressPct(), 0, 100, errors);
        Double rating = number("rating", raw.rating(), 0, 10, errors);
        if (type == EventType.RATE && rating == null && errors.stream().noneMatch(e -> e.field().equals("rating"))) {
            errors.add(new FieldError("rating", "is required for event_type rate"));
        }
        String token = FieldRules.text("tracking_token", raw.trackingToken(), 1024, false, errors);
        Attribution attribution = attribution(token, userId, itemId, errors);
        EventContext context = context(raw.context(), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new InteractionEvent(eventId, userId, itemId, type, at, progress, rating, token, context, attribution),
                List.of());
    }

    private Attribution attribution(String token, String userId, String itemId, List<FieldError> errors) {
        if (tokens == null || token == null || userId == null || itemId == null) {
            return null;
        }
        TrackingTokens.Verified v = tokens.verify(token, userId);
        if (!v.ok()) {
            errors.add(new FieldError("tracking_token", v.error()));
            return null;
        }
        return v.token().attributionFor(itemId);
    }

    private static EventType type(Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("event_type", "is required"));
            return null;
        }
        EventType type = value instanceof String s ? EventType.fromWireName(s).orElse(null) : null;
        if (type == null) {
            errors.add(new FieldError("event_type", "must be one of " + String.join(", ",
                    Arrays.stream(EventType.values()).map(EventType::wireName).toList())));
        }
        return type;
    }

    private Instant timestamp(Object value, List<FieldError> errors) {
        Instant now = clock.instant();
        if (value == null) {
            return now;
        }
        Instant at = parseInstant(value);
        if (at == null) {
            errors.add(new FieldError("timestamp", "must be ISO-8601 with an offset (2026-11-21T18:04:05Z) or epoch seconds/milliseconds"));
            return null;
        }
        if (at.isAfter(now.plus(maxFuture))) {
            errors.add(new FieldError("timestamp", "is more than " + maxFuture.toMinutes() + " minutes in the future"));
            return null;
        }
        if (at.isBefore(now.minus(maxAge))) {
            errors.add(new FieldError("timestamp", "is more than " + maxAge.toDays() + " days in the past"));
            return null;
        }
        return at;
    }

    private static Instant parseInstant(Object value) {
        try {
            if (value instanceof Number n) {
                return epoch(n.doubleValue());
            }
            if (value instanceof String s && !s.isBlank()) {
                String t = s.trim();
                if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    return epoch(Double.parseDouble(t));
                }
                Instant utc = IsoUtcTimestamp.parse(t);
                return utc != null ? utc : OffsetDateTime.parse(t).toInstant();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Instant epoch(double v) {
        if (!Double.isFinite(v) || v <= 0) {
            return null;
        }
        return v >= MILLIS_THRESHOLD ? Instant.ofEpochMilli((long) v) : Instant.ofEpochMilli((long) (v * 1000));
    }

    private static Double number(String field, Object value, double min, double max, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        Double d = null;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (d == null || !Double.isFinite(d) || d < min || d > max) {
            errors.add(new FieldError(field, "must be a number between " + (int) min + " and " + (int) max));
            return null;
        }
        return d;
    }


    private static EventContext context(Map<String, Object> ctx, List<FieldError> errors) {
        if (ctx == null) {
            return EventContext.EMPTY;
        }
        for (String key : ctx.keySet()) {
            if (!CONTEXT_FIELDS.contains(key)) {
                errors.add(new FieldError("context." + key, "is not a known context field (device, country, session_id, surface)"));
            }
        }
        String device = FieldRules.token("context.device", ctx.get("device"), errors);
        String surface = FieldRules.token("context.surface", ctx.get("surface"), errors);
        String country = FieldRules.country("context.country", ctx.get("country"), errors);
        String session = FieldRules.text("context.session_id", ctx.get("session_id"), 128, false, errors);
        return new EventContext(device, country, session, surface);
    }

}
