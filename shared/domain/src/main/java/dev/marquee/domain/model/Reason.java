package dev.marquee.domain.model;

import java.util.Objects;

/** An explanation: its type and, where one exists, the item it refers to ("because you watched X") or the segment. */
public record Reason(ReasonType type, String relatedItemId, String detail) {
    public Reason {
        Objects.requireNonNull(type, "type");
    }

    public static Reason of(ReasonType type) {
        return new Reason(type, null, null);
    }
}
