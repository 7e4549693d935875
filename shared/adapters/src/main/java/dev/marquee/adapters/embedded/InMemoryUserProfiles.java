package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.UserProfiles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryUserProfiles implements UserProfiles {
    private final Map<String, UserProfile> profiles = new ConcurrentHashMap<>();

    @Override
    public void put(UserProfile profile) {
        profiles.put(profile.userId(), profile);
    }

    @Override
    public Optional<UserProfile> get(String userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public boolean delete(String userId) {
        return profiles.remove(userId) != null;
    }
}
