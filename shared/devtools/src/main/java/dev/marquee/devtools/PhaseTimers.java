package dev.marquee.devtools;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Wall-clock time the bench's handler spends in each port of the pipeline (lake append, feature apply, cache
 * invalidation), so a figure says where a batch's milliseconds go; the rest of a batch is decode and validation.
 */
final class PhaseTimers {
    private long lakeNanos;
    private long featuresNanos;
    private long cacheNanos;

    record Snapshot(long lakeNanos, long featuresNanos, long cacheNanos) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(lakeNanos - earlier.lakeNanos, featuresNanos - earlier.featuresNanos, cacheNanos - earlier.cacheNanos);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(lakeNanos, featuresNanos, cacheNanos);
    }

    EventLake lake(EventLake lake) {
        return new EventLake() {
            @Override
            public List<String> append(List<InteractionEvent> events) {
                long start = System.nanoTime();
                try {
                    return lake.append(events);
                } finally {
                    lakeNanos += System.nanoTime() - start;
                }
            }

            @Override
            public void scan(Instant fromInclusive, Instant toExclusive, Consumer<InteractionEvent> sink) {
                lake.scan(fromInclusive, toExclusive, sink);
            }
        };
    }

    ResponseCache cache(ResponseCache cache) {
        return new ResponseCache() {
            @Override
            public Optional<String> get(String userId, String requestKey) {
                return cache.get(userId, requestKey);
            }

            @Override
            public void put(String userId, String requestKey, String response, Duration ttl) {
                cache.put(userId, requestKey, response, ttl);
            }

            @Override
            public void invalidate(String userId) {
                cache.invalidate(userId);
            }

            @Override
            public void invalidateAll(Collection<String> userIds) {
                long start = System.nanoTime();
                try {
                    cache.invalidateAll(userIds);
                } finally {
                    cacheNanos += System.nanoTime() - start;
                }
            }
        };
    }

    /** Times {@link FeatureStore#applyAll}, the only call the pipeline makes; the rest delegates untimed. */
    FeatureStore features(FeatureStore features) {
        return new FeatureStore() {
            @Override
            public int applyAll(List<FeatureUpdate> updates, FeatureUpdate.Limits limits) {
                long start = System.nanoTime();
                try {
                    return features.applyAll(updates, limits);
                } finally {
                    featuresNanos += System.nanoTime() - start;
                }
            }

            @Override
            public boolean claimEvent(String eventId, Duration ttl) {
                return features.claimEvent(eventId, ttl);
            }

            @Override
            public void addRecent(String userId, RecentInteraction interaction, int maxLength) {
                features.addRecent(userId, interaction, maxLength);
            }

            @Override
            public List<RecentInteraction> recent(String userId, int limit) {
                return features.recent(userId, limit);
            }

            @Override
            public void markSeen(String userId, String itemId) {
                features.markSeen(userId, itemId);
            }

            @Override
            public Set<String> seen(String userId) {
                return features.seen(userId);
            }

            @Override
            public void incrementCounter(String itemId, String counter, double delta) {
                features.incrementCounter(itemId, counter, delta);
            }

            @Override
            public double counter(String itemId, String counter) {
                return features.counter(itemId, counter);
            }

            @Override
            public void bumpTrending(String country, String itemId, double weight, Instant at) {
                features.bumpTrending(country, itemId, weight, at);
            }

            @Override
            public List<ScoredItem> trending(String country, int limit, Instant now) {
                return features.trending(country, limit, now);
            }

            @Override
            public void deleteUser(String userId) {
                features.deleteUser(userId);
            }
        };
    }
}
