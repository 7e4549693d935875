package dev.marquee.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.Attribution;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The lake's and the stream's wire form of an event: one flat JSON object with snake_case fields, the same
 * names the public API uses. Written by hand (no reflection) so it is stable and native-image friendly.
 */
public final class EventCodec {
    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventCodec() {
        this(Json.newMapper());
    }

    public String encode(InteractionEvent e) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            write(e, g);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /**
     * Writes the event as one JSON object to {@code g}, field by field (no tree in between): the lake writes
     * thousands per batch into one generator.
     */
    public void write(InteractionEvent e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("event_id", e.eventId());
        g.writeStringField("user_id", e.userId());
        g.writeStringField("item_id", e.itemId());
        g.writeStringField("event_type", e.type().wireName());
        g.writeStringField("timestamp", e.timestamp().toString());
        if (e.progressPct() != null) g.writeNumberField("progress_pct", e.progressPct());
        if (e.rating() != null) g.writeNumberField("rating", e.rating());
        if (e.trackingToken() != null) g.writeStringField("tracking_token", e.trackingToken());
        EventContext c = e.context();
        if (!EventContext.EMPTY.equals(c)) {
            g.writeObjectFieldStart("context");
            if (c.device() != null) g.writeStringField("device", c.device());
            if (c.country() != null) g.writeStringField("country", c.country());
            if (c.sessionId() != null) g.writeStringField("session_id", c.sessionId());
            if (c.surface() != null) g.writeStringField("surface", c.surface());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A generator of this codec's JSON into {@code out}; the caller closes it. */
    public JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return mapper.getFactory().createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
    }

    /** Decodes what {@link #encode} wrote, with the attribution its tracking token carries; throws IllegalArgumentException for anything else. */
    public InteractionEvent decode(String json) {
        JsonNode n;
        try {
            n = mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
        }
        String typeName = text(n, "event_type");
        EventType type = EventType.fromWireName(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown event_type: " + typeName));
        JsonNode ctx = n.path("context");
        EventContext context = ctx.isObject()
                ? new EventContext(text(ctx, "device"), text(ctx, "country"), text(ctx, "session_id"), text(ctx, "surface"))
                : EventContext.EMPTY;
        String itemId = required(n, "item_id");
        String token = text(n, "tracking_token");
        return new InteractionEvent(
                required(n, "event_id"), required(n, "user_id"), itemId, type,
                Instant.parse(required(n, "timestamp")),
                number(n, "progress_pct"), number(n, "rating"), token, context, attribution(token, itemId));
    }

    /**
     * What the event's tracking token says (variant, model version, request, served at, position of the item), so a
     * job reading the lake can count per variant and position. The lake keeps the token rather than these as fields:
     * the stream carries the public event format, which has none. The signature is not checked here: the api verified
     * it before publishing. Null without a token, or for one this service could not have issued.
     */
    private static Attribution attribution(String token, String itemId) {
        TrackingToken t = token == null ? null : TrackingTokens.read(token);
        return t == null ? null : t.attributionFor(itemId);
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
