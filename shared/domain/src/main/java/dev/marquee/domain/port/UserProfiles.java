package dev.marquee.domain.port;

import dev.marquee.domain.model.UserProfile;

import java.util.Optional;

/** User profiles and onboarding preferences. */
public interface UserProfiles {

    void put(UserProfile profile);

    Optional<UserProfile> get(String userId);

    /** Erases the profile; returns whether one existed. */
    boolean delete(String userId);
}
