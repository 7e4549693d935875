package dev.marquee.adapters.redis;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.list.ListCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Real-time features in Redis (ElastiCache in AWS), through Quarkus's blocking {@link RedisDataSource}: in a function
 * it is simply injected; its timeout ({@code quarkus.redis.timeout}) bounds every call. Key layout in
 * {@link RedisKeys}; trending uses the same epoch arithmetic as the embedded store ({@link TrendingDecay}). Every
 * failure surfaces as {@link dev.marquee.domain.port.StoreUnavailableException}, never as an empty answer.
 * <p>
 * {@link #applyAll} does not use the single calls (about seven round trips per event): it pipelines a few scripts
 * per user, item and trending set over one connection, see {@link FeatureBatchPlanner} and {@link BatchScripts}.
 */
public final class RedisFeatureStore implements FeatureStore {
    private static final String CLAIMED = "1";
    /** Quarkus's default {@code quarkus.redis.timeout}, for callers that do not pass theirs. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final RedisDataSource redis;
    private final TrendingDecay decay;
    private final ValueCommands<String, String> values;
    private final ListCommands<String, String> lists;
    private final SetCommands<String, String> sets;
    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final TrendingReader trendingReader;
    private final FeatureBatchPlanner planner;
    private final CommandPipeline pipeline;

    public RedisFeatureStore(RedisDataSource redis, Duration trendingHalfLife) {
        this(redis, trendingHalfLife, DEFAULT_TIMEOUT);
    }

    /**
     * {@code timeout} bounds each pipelined call of {@link #applyAll}; pass the data source's own
     * ({@code quarkus.redis.timeout}), which the data source does not expose. (A batch starts with one call through
     * the data source, so a server that hangs before a batch fails it within the data source's timeout anyway.)
     */
    public RedisFeatureStore(RedisDataSource redis, Duration trendingHalfLife, Duration timeout) {
        this.redis = redis;
        this.decay = new TrendingDecay(trendingHalfLife);
        this.values = redis.value(String.class);
        this.lists = redis.list(String.class);
        this.sets = redis.set(String.class);
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.trendingReader = new TrendingReader(redis.sortedSet(String.class), decay);
        this.planner = new FeatureBatchPlanner(decay);
        this.pipeline = new CommandPipeline(redis, timeout, BatchScripts.ALL, "applyAll");
    }

    /**
     * The whole batch in a few pipelined round trips, with the default method's effects and idempotence: each
     * event's effects are split by hash slot (user, item, trending set), each part guarded by its own claim key in
     * that slot, so a redelivery, or a retry after a partial failure, applies exactly the parts still missing. An
     * event counts as new when its user part was. Any failure throws once the requests in flight have settled.
     * <p>
     * One difference from the default, which claims the bare event id: an id that a later batch reuses for a
     * different event (another user or item) finds no claim in that event's slots and is applied. An event id names
     * one event, so only a redelivered copy of that event should repeat it; within one batch the first copy wins.
     */
    @Override
    public int applyAll(List<FeatureUpdate> updates, FeatureUpdate.Limits limits) {
        requirePositive(limits.dedupeWindow());
        if (limits.recentMax() <= 0) {
            throw new IllegalArgumentException("recentMax must be positive: " + limits.recentMax());
        }
        for (FeatureUpdate u : updates) {
            if (!Double.isFinite(u.weight())) {
                // Redis would refuse it mid-batch; it is a bug upstream, not an outage
                throw new IllegalArgumentException("weight of event " + u.eventId() + " is not finite: " + u.weight());
            }
        }
        if (updates.isEmpty()) {
            return 0;
        }
        List<SlotChain> chains = planner.plan(updates, limits);
        return countNew(chains, pipeline.run(chains));
    }

    /** Sums the 0/1 per event that the user scripts answer. */
    private static int countNew(List<SlotChain> chains, List<List<Response>> replies) {
        int applied = 0;
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).countsEvents()) {
                for (Response scriptReply : replies.get(i)) {
                    for (Response eventApplied : scriptReply) {
                        applied += eventApplied.toInteger();
                    }
                }
            }
        }
        return applied;
    }

    /** SET NX PX: the first claim creates the key, a redelivery within the TTL finds it. */
    @Override
    public boolean claimEvent(String eventId, Duration ttl) {
        requirePositive(ttl);
        String key = RedisKeys.claimedEvent(eventId);
        return RedisCalls.call("SET NX " + key, () -> values.setAndChanged(key, CLAIMED, new SetArgs().nx().px(ttl)));
    }

    @Override
    public void addRecent(String userId, RecentInteraction interaction, int maxLength) {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        String key = RedisKeys.recent(userId);
        String element = RecentCodec.encode(interaction);
        RedisCalls.run("LPUSH+LTRIM " + key,
                () -> RedisScripts.eval(redis, RedisScripts.PUSH_BOUNDED, key, element, Integer.toString(maxLength)));
    }

    @Override
    public List<RecentInteraction> recent(String userId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String key = RedisKeys.recent(userId);
        List<String> encoded = RedisCalls.call("LRANGE " + key, () -> lists.lrange(key, 0, limit - 1));
        return encoded.stream().map(RecentCodec::decode).flatMap(Optional::stream).toList();
    }

    @Override
    public void markSeen(String userId, String itemId) {
        String key = RedisKeys.seen(userId);
        RedisCalls.run("SADD " + key, () -> sets.sadd(key, itemId));
    }

    @Override
    public Set<String> seen(String userId) {
        String key = RedisKeys.seen(userId);
        return Set.copyOf(RedisCalls.call("SMEMBERS " + key, () -> sets.smembers(key)));
    }

    @Override
    public void incrementCounter(String itemId, String counter, double delta) {
        String key = RedisKeys.counters(itemId);
        RedisCalls.run("HINCRBYFLOAT " + key, () -> hashes.hincrbyfloat(key, counter, delta));
    }

    @Override
    public double counter(String itemId, String counter) {
        String key = RedisKeys.counters(itemId);
        String value = RedisCalls.call("HGET " + key, () -> hashes.hget(key, counter));
        return value == null ? 0.0 : Double.parseDouble(value);
    }

    /**
     * ZINCRBY of the epoch-relative increment into the epoch's set, refreshing its TTL to the decay's retention:
     * stored scores only grow within an epoch, and a set expires once it can no longer matter to a read.
     */
    @Override
    public void bumpTrending(String country, String itemId, double weight, Instant at) {
        String key = RedisKeys.trending(country, decay.epochOf(at));
        String increment = Double.toString(decay.storedIncrement(weight, at));
        String ttlMillis = Long.toString(decay.retention().toMillis());
        RedisCalls.run("ZINCRBY " + key,
                () -> RedisScripts.eval(redis, RedisScripts.INCREMENT_AND_EXPIRE, key, increment, itemId, ttlMillis));
    }

    @Override
    public List<ScoredItem> trending(String country, int limit, Instant now) {
        return trendingReader.top(country, limit, now);
    }

    /** One DEL of every key the user owns (they share a slot), cached responses included. */
    @Override
    public void deleteUser(String userId) {
        String[] owned = RedisKeys.ownedBy(userId);
        RedisCalls.run("DEL " + String.join(" ", owned), () -> keys.del(owned));
    }

    private static void requirePositive(Duration ttl) {
        if (ttl.isNegative() || ttl.toMillis() == 0) {
            throw new IllegalArgumentException("ttl must be at least 1 ms: " + ttl);
        }
    }
}
