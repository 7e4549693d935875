package dev.marquee.testing.contract;

import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.UserProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UserProfiles} must do. Subclasses return a fresh, empty store. */
public abstract class UserProfilesContract {
    protected UserProfiles profiles;

    protected abstract UserProfiles newProfiles();

    @BeforeEach
    void createProfiles() {
        profiles = newProfiles();
    }

    @Test
    void storedProfileReadsBackWithPreferences() {
        UserProfile u = new UserProfile("u1", "US", "tv", new Preferences(List.of("drama"), List.of("i9")), Map.of("tier", "gold"));
        profiles.put(u);

        assertThat(profiles.get("u1")).contains(u);
    }

    @Test
    void profileWithoutOptionalFieldsReadsBack() {
        UserProfile u = UserProfile.anonymous("u2");
        profiles.put(u);

        assertThat(profiles.get("u2")).contains(u);
    }

    @Test
    void unknownUserIsEmpty() {
        assertThat(profiles.get("ghost")).isEmpty();
    }

    @Test
    void deleteErasesTheProfileAndSaysWhetherOneExisted() {
        profiles.put(UserProfile.anonymous("u3"));

        assertThat(profiles.delete("u3")).isTrue();
        assertThat(profiles.get("u3")).isEmpty();
        assertThat(profiles.delete("u3")).isFalse();
    }
}
