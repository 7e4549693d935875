package dev.marquee.domain.model;

/** Where an interaction happened; every field is optional. */
public record EventContext(String device, String country, String sessionId, String surface) {
    public static final EventContext EMPTY = new EventContext(null, null, null, null);
}
