package dev.marquee.api.serving;

import dev.marquee.domain.model.Attribution;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.runtime.metrics.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Online metrics of the A/B test: accepted events that cite a valid tracking token, counted per variant, event type
 * and position of the item in the answer that served it (EMF metric {@value #METRIC} under dimensions Function, Variant,
 * EventType, Position). Divided by {@code RecommendationsVariant_<variant>} (answers served) this gives e.g. clicks per
 * impression per variant and slot. Positions are bucketed (1..5, 6-10, 11-25, 26+, "none" for an item that was not in
 * the answer) because each distinct dimension value is a CloudWatch metric of its own; variants come from signed tokens,
 * so only configured names appear. One line per group, not per event: a batch of 500 is a handful of lines.
 */
@ApplicationScoped
public class AttributionMetrics {
    public static final String METRIC = "AttributedEvents";

    @Inject
    EmfMetrics emf;

    public void accepted(Collection<InteractionEvent> events) {
        counts(events).forEach((group, n) -> emf.emit("api", group.dimensions(), Map.of(METRIC, n)));
    }

    record Group(String variant, String eventType, String position) {
        Map<String, String> dimensions() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("Variant", variant);
            d.put("EventType", eventType);
            d.put("Position", position);
            return d;
        }
    }

    /** Events without attribution (no token) are not counted here. */
    static Map<Group, Integer> counts(Collection<InteractionEvent> events) {
        Map<Group, Integer> counts = new LinkedHashMap<>();
        for (InteractionEvent e : events) {
            Attribution a = e.attribution();
            if (a != null) {
                counts.merge(new Group(a.variant(), e.type().wireName(), bucket(a.position())), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String bucket(Integer position) {
        if (position == null) {
            return "none";
        }
        if (position <= 5) {
            return Integer.toString(position);
        }
        return position <= 10 ? "6-10" : position <= 25 ? "11-25" : "26+";
    }
}
