package dev.marquee.domain.users;

import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileValidatorTest {
    private final ProfileValidator validator = new ProfileValidator();

    @Test
    void aCompleteProfileWithOnboardingPreferences() {
        ProfileValidator.Result r = validator.validate("u7", Map.of("country", "GB", "device", "tv",
                "preferences", Map.of("genres", List.of("drama", "comedy"), "seed_items", List.of("i1", "i9")),
                "attributes", Map.of("plan", "family")));

        assertThat(r.errors()).isEmpty();
        assertThat(r.profile()).isEqualTo(new UserProfile("u7", "GB", "tv",
                new Preferences(List.of("drama", "comedy"), List.of("i1", "i9")), Map.of("plan", "family")));
    }

    @Test
    void anEmptyBodyIsAnAnonymousProfile() {
        assertThat(validator.validate("u7", Map.of()).profile()).isEqualTo(UserProfile.anonymous("u7"));
    }

    @Test
    void everyBadFieldIsNamedIncludingNestedOnes() {
        Map<String, Object> f = new HashMap<>();
        f.put("country", "uk");
        f.put("device", "Smart TV");
        f.put("preferences", Map.of("genres", List.of(""), "seed_items", List.of("ok", "not ok"), "seedItems", List.of()));
        f.put("attributes", List.of("x"));

        assertThat(validator.validate("u7", f).errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "country", "device", "preferences.genres[0]", "preferences.seed_items[1]", "preferences.seedItems", "attributes");
    }

    @Test
    void preferencesMustBeAnObject() {
        assertThat(validator.validate("u7", Map.of("preferences", List.of("drama"))).errors())
                .extracting(FieldError::field).containsExactly("preferences");
    }

    @Test
    void theUserIdFollowsTheIdRuleAndMustMatchThePath() {
        assertThat(validator.validate("u 7", Map.of()).errors()).extracting(FieldError::field).containsExactly("user_id");
        assertThat(validator.validate("u7", Map.of("user_id", "u8")).errors()).extracting(FieldError::field).containsExactly("user_id");
        assertThat(validator.validate("u7", Map.of("user_id", "u7")).valid()).isTrue();
    }
}
