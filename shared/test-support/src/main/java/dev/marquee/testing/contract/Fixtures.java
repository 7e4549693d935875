package dev.marquee.testing.contract;

import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Small, readable test data shared by the contract suites. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A unique id per call, so suites never collide on a shared backend. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Item item(String id, String... genres) {
        return new Item(id, "Title of " + id, List.of(genres), List.of("tag-a"), "movie",
                Instant.parse("2024-05-01T00:00:00Z"), Set.of("US", "GB"), Map.of("studio", "Acme"));
    }

    public static InteractionEvent event(String userId, String itemId, EventType type, Instant at) {
        return new InteractionEvent(unique("ev"), userId, itemId, type, at, type == EventType.PROGRESS ? 42.5 : null,
                type == EventType.RATE ? 4.0 : null, null, new EventContext("tv", "US", "s-1", "homepage"));
    }
}
