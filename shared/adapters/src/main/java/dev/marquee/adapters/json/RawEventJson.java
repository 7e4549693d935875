package dev.marquee.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.ingest.RawEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one event object of the public JSON format into a {@link RawEvent} for validation, keeping JSON types
 * (a number stays a Number, a string a String) so the validator can say exactly what is wrong. Unknown fields
 * are errors: a misspelt "userId" must not silently become a missing user_id.
 */
public final class RawEventJson {
    private static final Set<String> FIELDS = Set.of("event_id", "user_id", "item_id", "event_type", "timestamp",
            "progress_pct", "rating", "tracking_token", "context");
    private static final Map<String, String> LIKELY_TYPOS = Map.of(
            "eventId", "event_id", "userId", "user_id", "itemId", "item_id", "eventType", "event_type",
            "type", "event_type", "ts", "timestamp", "progressPct", "progress_pct", "trackingToken", "tracking_token");

    private RawEventJson() {
    }

    /** The event, or the structural errors (not an object, unknown fields); field rules are the validator's. */
    public record Parsed(RawEvent event, List<FieldError> errors) {
    }

    public static Parsed read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Parsed(null, List.of(new FieldError("event", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                String hint = LIKELY_TYPOS.get(name);
                errors.add(new FieldError(name, "is not a known field" + (hint == null ? "" : " (did you mean " + hint + "?)")));
            }
        });
        Map<String, Object> context = null;
        JsonNode ctx = node.get("context");
        if (ctx != null && !ctx.isNull()) {
            if (ctx.isObject()) {
                context = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : ctx.properties()) {
                    context.put(e.getKey(), PlainJson.value(e.getValue()));
                }
            } else {
                errors.add(new FieldError("context", "must be an object"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new RawEvent(PlainJson.value(node.get("event_id")), PlainJson.value(node.get("user_id")), PlainJson.value(node.get("item_id")),
                PlainJson.value(node.get("event_type")), PlainJson.value(node.get("timestamp")), PlainJson.value(node.get("progress_pct")),
                PlainJson.value(node.get("rating")), PlainJson.value(node.get("tracking_token")), context), List.of());
    }

}
