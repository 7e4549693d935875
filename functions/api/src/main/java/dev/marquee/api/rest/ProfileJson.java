package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.model.UserProfile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The wire form of a user profile: the names a PUT takes. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileJson(String userId, String country, String device, PreferencesJson preferences, Map<String, String> attributes) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PreferencesJson(List<String> genres, List<String> seedItems) {
    }

    public static ProfileJson of(UserProfile p) {
        return new ProfileJson(p.userId(), p.country(), p.device(),
                new PreferencesJson(p.preferences().genres(), p.preferences().seedItems()), new TreeMap<>(p.attributes()));
    }
}
