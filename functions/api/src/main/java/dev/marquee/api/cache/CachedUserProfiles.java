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
    private record Entry(Optional<UserProfile> profile, long expiresAtMillis) {
    }

    private final UserProfiles profiles;
    private final Clock clock;
    private final long ttlMillis;
    private final Lru<String, Entry> entries;

    public CachedUserProfiles(UserProfiles profiles, Clock clock, Duration ttl, int capacity) {
        this.profiles = profiles;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.entries = new Lru<>(capacity);
    }

    @Override
    public Optional<UserProfile> get(String userId) {
        long now = clock.millis();
        Entry e = entries.get(userId);
        if (e != null && e.expiresAtMillis() > now) {
            return e.profile();
        }
        Optional<UserProfile> profile = profiles.get(userId);
        entries.put(userId, new Entry(profile, now + ttlMillis));
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
