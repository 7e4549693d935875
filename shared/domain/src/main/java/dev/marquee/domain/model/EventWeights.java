package dev.marquee.domain.model;

import java.util.EnumMap;
import java.util.Map;

/** Per-type weights, configurable; types without an override keep their default weight. */
public final class EventWeights {
    private final EnumMap<EventType, Double> weights = new EnumMap<>(EventType.class);

    private EventWeights(Map<EventType, Double> overrides) {
        for (EventType type : EventType.values()) {
            weights.put(type, overrides.getOrDefault(type, type.defaultWeight()));
        }
    }

    public static EventWeights defaults() {
        return new EventWeights(Map.of());
    }

    public static EventWeights withOverrides(Map<EventType, Double> overrides) {
        return new EventWeights(overrides);
    }

    public double weightOf(EventType type) {
        return weights.get(type);
    }

    /** A rating scales the weight around the middle of a 1-5 scale: 5 stars counts more, 1 star counts against. */
    public double weightOf(InteractionEvent event) {
        double base = weightOf(event.type());
        if (event.type() == EventType.RATE && event.rating() != null) {
            return base * (event.rating() - 2.5) / 2.5;
        }
        return base;
    }
}
