package dev.marquee.domain.users;

import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.UserProfiles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases a user: first records the deletion durably (so training drops their lake events even if the rest fails),
 * then erases the profile, the real-time features and the cached responses. Each erasure is tried even when an
 * earlier one failed, and every step is idempotent, so calling again finishes what an outage left.
 */
public final class UserErasure {
    private final DeletionLog deletions;
    private final UserProfiles profiles;
    private final FeatureStore features;
    private final ResponseCache cache;
    private final Clock clock;

    public UserErasure(DeletionLog deletions, UserProfiles profiles, FeatureStore features, ResponseCache cache, Clock clock) {
        this.deletions = deletions;
        this.profiles = profiles;
        this.features = features;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * What happened: when the deletion was recorded, whether a profile existed (null when its store failed), and the
     * stores that could not be erased (empty when everything is gone).
     */
    public record Outcome(Instant recordedAt, Boolean profileExisted, List<StoreUnavailableException> failures) {
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    /** Throws {@link StoreUnavailableException} when the deletion cannot be recorded; then nothing is erased. */
    public Outcome erase(String userId) {
        Instant at = clock.instant();
        deletions.record(userId, at);
        List<StoreUnavailableException> failures = new ArrayList<>();
        Boolean existed = null;
        try {
            existed = profiles.delete(userId);
        } catch (StoreUnavailableException e) {
            failures.add(e);
        }
        try {
            features.deleteUser(userId);
        } catch (StoreUnavailableException e) {
            failures.add(e);
        }
        try {
            cache.invalidate(userId);
        } catch (StoreUnavailableException e) {
            failures.add(e);
        }
        return new Outcome(at, existed, List.copyOf(failures));
    }
}
