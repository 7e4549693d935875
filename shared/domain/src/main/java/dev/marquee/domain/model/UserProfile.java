package dev.marquee.domain.model;

import java.util.Map;
import java.util.Objects;

/** A user's attributes and onboarding preferences. Interaction history lives in the feature store and the lake. */
public record UserProfile(String userId, String country, String device, Preferences preferences, Map<String, String> attributes) {
    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        preferences = preferences == null ? Preferences.NONE : preferences;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static UserProfile anonymous(String userId) {
        return new UserProfile(userId, null, null, Preferences.NONE, Map.of());
    }

    public Segment segment() {
        return new Segment(country, device);
    }
}
