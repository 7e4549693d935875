package dev.marquee.adapters.redis;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.features.TrendingDecay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits a batch of feature updates by hash slot: per user (recent, seen), per item (counters) and per trending set
 * (country or global, epoch), each group a chain of {@link BatchScripts} calls of at most
 * {@link #MAX_EVENTS_PER_SCRIPT} events, in batch order. User chains come first and are the ones counted.
 */
final class FeatureBatchPlanner {
    /** Bounds how long one script blocks the server (a few hundred microseconds) and the size of one request. */
    static final int MAX_EVENTS_PER_SCRIPT = 256;

    private final TrendingDecay decay;

    FeatureBatchPlanner(TrendingDecay decay) {
        this.decay = decay;
    }

    List<SlotChain> plan(List<FeatureUpdate> updates, FeatureUpdate.Limits limits) {
        List<FeatureUpdate> events = firstOfEachEventId(updates);
        String ttl = Long.toString(limits.dedupeWindow().toMillis());
        String recentMax = Integer.toString(limits.recentMax());
        String retention = Long.toString(decay.retention().toMillis());

        List<SlotChain> chains = new ArrayList<>();
        groupBy(events, FeatureUpdate::userId).forEach((user, group) ->
                chains.add(chain(group, true, chunk -> userCall(user, chunk, ttl, recentMax))));
        groupBy(events, FeatureUpdate::itemId).forEach((item, group) ->
                chains.add(chain(group, false, chunk -> counterCall(item, chunk, ttl))));
        trendingGroups(events).forEach((set, group) ->
                chains.add(chain(group, false, chunk -> trendingCall(set, chunk, ttl, retention))));
        return chains;
    }

    /** Within one batch the first copy of an event id wins, as it would claim the id first event by event. */
    private static List<FeatureUpdate> firstOfEachEventId(List<FeatureUpdate> updates) {
        Set<String> ids = new HashSet<>();
        return updates.stream().filter(u -> ids.add(u.eventId())).toList();
    }

    private static ScriptCall userCall(String user, List<FeatureUpdate> chunk, String ttl, String recentMax) {
        List<String> keys = new ArrayList<>(chunk.size() + 2);
        List<String> args = new ArrayList<>(3 * chunk.size() + 2);
        args.add(ttl);
        args.add(recentMax);
        for (FeatureUpdate u : chunk) {
            keys.add(RedisKeys.userClaim(user, u.eventId()));
            args.add(RecentCodec.encode(u.recent()));
            args.add(u.seen() ? "1" : "0");
            args.add(u.itemId());
        }
        keys.add(RedisKeys.recent(user));
        keys.add(RedisKeys.seen(user));
        return new ScriptCall(BatchScripts.USER, keys, args);
    }

    private static ScriptCall counterCall(String item, List<FeatureUpdate> chunk, String ttl) {
        List<String> keys = new ArrayList<>(chunk.size() + 1);
        List<String> args = new ArrayList<>(2 * chunk.size() + 2);
        args.add(ttl);
        args.add(FeatureUpdate.WEIGHT_COUNTER);
        for (FeatureUpdate u : chunk) {
            keys.add(RedisKeys.counterClaim(item, u.eventId()));
            args.add(u.typeCounter());
            args.add(Double.toString(u.weight()));
        }
        keys.add(RedisKeys.counters(item));
        return new ScriptCall(BatchScripts.COUNTERS, keys, args);
    }

    private static ScriptCall trendingCall(TrendingSet set, List<Bump> chunk, String ttl, String retention) {
        List<String> keys = new ArrayList<>(chunk.size() + 1);
        List<String> args = new ArrayList<>(3 * chunk.size() + 2);
        args.add(ttl);
        args.add(retention);
        for (Bump b : chunk) {
            keys.add(RedisKeys.trendingClaim(set.country(), b.eventId()));
            args.add(b.itemId());
            args.add(b.increment());
            args.add(Integer.toString(b.times()));
        }
        keys.add(RedisKeys.trending(set.country(), set.epoch()));
        return new ScriptCall(BatchScripts.TRENDING, keys, args);
    }

    /** Positive weights trend in the event's country and globally, as the single calls do. */
    private Map<TrendingSet, List<Bump>> trendingGroups(List<FeatureUpdate> events) {
        Map<TrendingSet, List<Bump>> groups = new LinkedHashMap<>();
        for (FeatureUpdate u : events) {
            if (!(u.weight() > 0)) {
                continue;
            }
            TrendingSet global = new TrendingSet(FeatureUpdate.GLOBAL, decay.epochOf(u.recent().at()));
            Bump bump = new Bump(u.eventId(), u.itemId(), Double.toString(decay.storedIncrement(u.weight(), u.recent().at())), 1);
            if (FeatureUpdate.GLOBAL.equals(u.country())) {
                // both bumps land in one set under one claim key: one claimed entry adding the increment twice
                groups.computeIfAbsent(global, s -> new ArrayList<>()).add(bump.twice());
                continue;
            }
            if (u.country() != null) {
                groups.computeIfAbsent(new TrendingSet(u.country(), global.epoch()), s -> new ArrayList<>()).add(bump);
            }
            groups.computeIfAbsent(global, s -> new ArrayList<>()).add(bump);
        }
        return groups;
    }

    private static <K> Map<K, List<FeatureUpdate>> groupBy(List<FeatureUpdate> events, Function<FeatureUpdate, K> key) {
        Map<K, List<FeatureUpdate>> groups = new LinkedHashMap<>();
        events.forEach(u -> groups.computeIfAbsent(key.apply(u), k -> new ArrayList<>()).add(u));
        return groups;
    }

    private static <T> SlotChain chain(List<T> group, boolean countsEvents, Function<List<T>, ScriptCall> call) {
        List<ScriptCall> calls = new ArrayList<>();
        for (int from = 0; from < group.size(); from += MAX_EVENTS_PER_SCRIPT) {
            calls.add(call.apply(group.subList(from, Math.min(group.size(), from + MAX_EVENTS_PER_SCRIPT))));
        }
        return new SlotChain(calls, countsEvents);
    }

    /** One country's (or the global) trending sorted set of one decay epoch. */
    private record TrendingSet(String country, long epoch) {
    }

    /** One event's bump of one trending set. */
    private record Bump(String eventId, String itemId, String increment, int times) {
        Bump twice() {
            return new Bump(eventId, itemId, increment, 2);
        }
    }
}
