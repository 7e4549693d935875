package dev.marquee.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of interaction an app reports; each has a default weight (negative types reduce confidence). */
public enum EventType {
    IMPRESSION(0.0),
    CLICK(1.0),
    PLAY(2.0),
    PROGRESS(2.0),
    COMPLETE(4.0),
    LIKE(4.0),
    DISLIKE(-4.0),
    RATE(3.0),
    ADD_TO_LIST(3.0),
    PURCHASE(5.0),
    SKIP(-1.0);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final double defaultWeight;

    EventType(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public double defaultWeight() {
        return defaultWeight;
    }

    /** The name used in JSON and in the lake: lower snake case ("add_to_list"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWireName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
