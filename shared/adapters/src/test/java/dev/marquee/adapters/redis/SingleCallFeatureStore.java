package dev.marquee.adapters.redis;

import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A store that hides its own {@code applyAll}, so callers get the port's default one, built on the single calls. */
record SingleCallFeatureStore(FeatureStore store) implements FeatureStore {
    @Override public boolean claimEvent(String eventId, Duration ttl) { return store.claimEvent(eventId, ttl); }
    @Override public void addRecent(String userId, RecentInteraction interaction, int maxLength) { store.addRecent(userId, interaction, maxLength); }
    @Override public List<RecentInteraction> recent(String userId, int limit) { return store.recent(userId, limit); }
    @Override public void markSeen(String userId, String itemId) { store.markSeen(userId, itemId); }
    @Override public Set<String> seen(String userId) { return store.seen(userId); }
    @Override public void incrementCounter(String itemId, String counter, double delta) { store.incrementCounter(itemId, counter, delta); }
    @Override public double counter(String itemId, String counter) { return store.counter(itemId, counter); }
    @Override public void bumpTrending(String country, String itemId, double weight, Instant at) { store.bumpTrending(country, itemId, weight, at); }
    @Override public List<ScoredItem> trending(String country, int limit, Instant now) { return store.trending(country, limit, now); }
    @Override public void deleteUser(String userId) { store.deleteUser(userId); }
}
