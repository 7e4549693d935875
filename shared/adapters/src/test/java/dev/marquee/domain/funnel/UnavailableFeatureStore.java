package dev.marquee.domain.funnel;

import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A feature store that fails every call the way an unreachable backend does. */
final class UnavailableFeatureStore implements FeatureStore {
    private static RuntimeException outage() {
        return new dev.marquee.domain.port.StoreUnavailableException("features", "connection refused", null);
    }

    @Override public boolean claimEvent(String eventId, Duration ttl) { throw outage(); }
    @Override public void addRecent(String userId, RecentInteraction interaction, int maxLength) { throw outage(); }
    @Override public List<RecentInteraction> recent(String userId, int limit) { throw outage(); }
    @Override public void markSeen(String userId, String itemId) { throw outage(); }
    @Override public Set<String> seen(String userId) { throw outage(); }
    @Override public void incrementCounter(String itemId, String counter, double delta) { throw outage(); }
    @Override public double counter(String itemId, String counter) { throw outage(); }
    @Override public void bumpTrending(String country, String itemId, double weight, Instant at) { throw outage(); }
    @Override public List<ScoredItem> trending(String country, int limit, Instant now) { throw outage(); }
    @Override public void deleteUser(String userId) { throw outage(); }
}
