package dev.marquee.api.cache;

import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.UserProfiles;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Profiles held in memory: every recommendation reads one (most users have none, which is cached too). A write or an
 * erasure through this instance shows at once; through another instance once the TTL is over (the first read after
 * it still gets the old entry and reloads it in the background, see {@link RevalidatingCache}), which is kept short
 * for that reason (onboarding preferences, erasure). Real-time behaviour does not depend on it: events go to the
 * feature store, which is never cached here.
 */
public final class CachedUserProfiles implements UserProfiles {
    private final UserProfiles profiles;
    private final RevalidatingCache<String, Optional<UserProfile>> entries;
    private final SingleFlight<String, Optional<UserProfile>> reads = new SingleFlight<>();

    public CachedUserProfiles(UserProfiles profiles, Clock clock, Duration ttl, Duration maxStale, int capacity, Executor background,
                              Consumer<RuntimeException> onReloadFailure) {
        this.profiles = profiles;
        this.entries = new RevalidatingCache<>(clock, ttl, maxStale, capacity, this::reload, background, onReloadFailure);
    }

    private Map<String, Optional<UserProfile>> reload(List<String> userIds) {
        Map<String, Optional<UserProfile>> out = new HashMap<>();
        userIds.forEach(id -> out.put(id, profiles.get(id)));
        return out;
    }

    @Override
    public Optional<UserProfile> get(String userId) {
        Optional<UserProfile> cached = entries.get(userId);
        if (cached != null) {
            return cached;
        }
        return reads.load(userId, () -> {
            Optional<UserProfile> profile = profiles.get(userId);
            entries.put(userId, profile);
            return profile;
        });
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
