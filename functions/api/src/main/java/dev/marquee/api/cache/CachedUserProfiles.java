package dev.marquee.api.cache;

import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.UserProfiles;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Profiles held in memory for a few seconds: every recommendation reads one (most users have none, which is cached
 * too). A write or an erasure through this instance shows at once; through another instance within the TTL, which is
 * kept short for that reason (onboarding preferences, erasure). Real-time behaviour does not depend on it: events go
 * to the feature store, which is never cached here.
 */
public final class CachedUserProfiles implements UserProfiles {
    private final UserProfiles profiles;
    private final ExpiringLru<String, Optional<UserProfile>> entries;

    public CachedUserProfiles(UserProfiles profiles, Clock clock, Duration ttl, int capacity) {
        this.profiles = profiles;
        this.entries = new ExpiringLru<>(clock, ttl, capacity);
    }

    @Override
    public Optional<UserProfile> get(String userId) {
        Optional<UserProfile> cached = entries.fresh(userId);
        if (cached != null) {
            return cached;
        }
        Optional<UserProfile> profile = profiles.get(userId);
        entries.put(userId, profile);
        return profile;
    }

    @Override
    public void put(UserProfile profile) {
        profiles.put(profile);
        entries.remove(profile.userId());
    }

    @Override
    public boolean delete(String userId) {
        boolean deleted = profiles.delete(userId);
        entries.remove(userId);
        return deleted;
    }
}
