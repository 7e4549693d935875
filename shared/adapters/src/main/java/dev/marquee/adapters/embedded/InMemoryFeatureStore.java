package dev.marquee.adapters.embedded;

import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Features in memory, with the same decay arithmetic as the Redis store. */
public final class InMemoryFeatureStore implements FeatureStore {
    private final TrendingDecay decay;
    private final Clock clock;
    private final Map<String, Instant> claimedUntil = new ConcurrentHashMap<>();
    private final Map<String, Deque<RecentInteraction>> recent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final Map<String, Double> counters = new ConcurrentHashMap<>();
    /** country -> epoch -> item -> stored (growing) score */
    private final Map<String, Map<Long, Map<String, Double>>> trending = new ConcurrentHashMap<>();

    public InMemoryFeatureStore(Duration trendingHalfLife, Clock clock) {
        this.decay = new TrendingDecay(trendingHalfLife);
        this.clock = clock;
    }

    @Override
    public boolean claimEvent(String eventId, Duration ttl) {
        Instant now = clock.instant();
        boolean[] claimed = {false};
        claimedUntil.compute(eventId, (id, until) -> {
            if (until == null || !until.isAfter(now)) {
                claimed[0] = true;
                return now.plus(ttl);
            }
            return until;
        });
        return claimed[0];
    }

    @Override
    public void addRecent(String userId, RecentInteraction interaction, int maxLength) {
        recent.compute(userId, (u, list) -> {
            Deque<RecentInteraction> l = list == null ? new ArrayDeque<>() : list;
            l.addFirst(interaction);
            while (l.size() > maxLength) {
                l.removeLast();
            }
            return l;
        });
    }

    @Override
    public List<RecentInteraction> recent(String userId, int limit) {
        Deque<RecentInteraction> l = recent.get(userId);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return l.stream().limit(limit).toList();
        }
    }

    @Override
    public void markSeen(String userId, String itemId) {
        seen.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(itemId);
    }

    @Override
    public Set<String> seen(String userId) {
        return Set.copyOf(seen.getOrDefault(userId, Set.of()));
    }

    @Override
    public void incrementCounter(String itemId, String counter, double delta) {
        counters.merge(itemId + "\u0000" + counter, delta, Double::sum);
    }

    @Override
    public double counter(String itemId, String counter) {
        return counters.getOrDefault(itemId + "\u0000" + counter, 0.0);
    }

    @Override
    public synchronized void bumpTrending(String country, String itemId, double weight, Instant at) {
        trending.computeIfAbsent(country, c -> new HashMap<>())
                .computeIfAbsent(decay.epochOf(at), e -> new HashMap<>())
                .merge(itemId, decay.storedIncrement(weight, at), Double::sum);
    }

    @Override
    public synchronized List<ScoredItem> trending(String country, int limit, Instant now) {
        Map<Long, Map<String, Double>> epochs = trending.getOrDefault(country, Map.of());
        long current = decay.epochOf(now);
        Map<String, Double> scores = new HashMap<>();
        for (long epoch = current - 1; epoch <= current; epoch++) {
            double factor = decay.readFactor(epoch, now);
            epochs.getOrDefault(epoch, Map.of()).forEach((item, stored) -> scores.merge(item, stored * factor, Double::sum));
        }
        List<ScoredItem> ranked = new ArrayList<>(scores.size());
        scores.forEach((item, score) -> ranked.add(new ScoredItem(item, score)));
        ranked.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    @Override
    public void deleteUser(String userId) {
        recent.remove(userId);
        seen.remove(userId);
    }
}
