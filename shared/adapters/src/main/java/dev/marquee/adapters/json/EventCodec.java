package dev.marquee.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;

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
        ObjectNode n = mapper.createObjectNode();
        n.put("event_id", e.eventId());
        n.put("user_id", e.userId());
        n.put("item_id", e.itemId());
        n.put("event_type", e.type().wireName());
        n.put("timestamp", e.timestamp().toString());
        if (e.progressPct() != null) n.put("progress_pct", e.progressPct());
        if (e.rating() != null) n.put("rating", e.rating());
        if (e.trackingToken() != null) n.put("tracking_token", e.trackingToken());
        EventContext c = e.context();
        if (!EventContext.EMPTY.equals(c)) {
            ObjectNode ctx = n.putObject("context");
            if (c.device() != null) ctx.put("device", c.device());
            if (c.country() != null) ctx.put("country", c.country());
            if (c.sessionId() != null) ctx.put("session_id", c.sessionId());
            if (c.surface() != null) ctx.put("surface", c.surface());
        }
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Decodes what {@link #encode} wrote; throws IllegalArgumentException for anything else. */
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
        return new InteractionEvent(
                required(n, "event_id"), required(n, "user_id"), required(n, "item_id"), type,
                Instant.parse(required(n, "timestamp")),
                number(n, "progress_pct"), number(n, "rating"), text(n, "tracking_token"), context);
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
