package dev.marquee.adapters.redis;

import dev.marquee.domain.port.ResponseCache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Cached responses in one hash per user ({@link RedisKeys#responses}), so {@link #invalidate} is a single DEL. Redis
 * 6 has no per-field TTL: the key's TTL (only ever extended) bounds memory, and each value carries its own expiry,
 * {@code <expiresAtEpochMillis>:<response>}, checked on read so no entry outlives the TTL it was put with.
 */
public final class RedisResponseCache implements ResponseCache {
    private static final char SEPARATOR = ':';

    private final RedisDataSource redis;
    private final Clock clock;
    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final CommandPipeline invalidations;

    public RedisResponseCache(RedisDataSource redis, Clock clock, Duration timeout) {
        this.redis = redis;
        this.clock = clock;
        this.invalidations = new CommandPipeline(redis, timeout, List.of(), "invalidateAll");
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
    }

    public RedisResponseCache(RedisDataSource redis, Clock clock) {
        this(redis, clock, Duration.ofSeconds(10));
    }

    public RedisResponseCache(RedisDataSource redis) {
        this(redis, Clock.systemUTC());
    }

    @Override
    public Optional<String> get(String userId, String requestKey) {
        String key = RedisKeys.responses(userId);
        String stored = RedisCalls.call("HGET " + key, () -> hashes.hget(key, requestKey));
        if (stored == null) {
            return Optional.empty();
        }
        int separator = stored.indexOf(SEPARATOR);
        long expiresAt = Long.parseLong(stored.substring(0, separator));
        return expiresAt > clock.millis() ? Optional.of(stored.substring(separator + 1)) : Optional.empty();
    }

    @Override
    public void put(String userId, String requestKey, String response, Duration ttl) {
        long ttlMillis = ttl.toMillis();
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("ttl must be at least 1 ms: " + ttl);
        }
        String key = RedisKeys.responses(userId);
        String stored = (clock.millis() + ttlMillis) + String.valueOf(SEPARATOR) + response;
        RedisCalls.run("HSET " + key,
                () -> RedisScripts.eval(redis, RedisScripts.HSET_EXTEND_TTL, key, requestKey, stored, Long.toString(ttlMillis)));
    }

    @Override
    public void invalidate(String userId) {
        String key = RedisKeys.responses(userId);
        RedisCalls.run("DEL " + key, () -> keys.del(key));
    }

    /**
     * One pipelined DEL per user rather than a round trip each: an ingested batch invalidates thousands of users, and
     * their keys sit in different cluster slots, so a single multi-key DEL is not an option.
     */
    @Override
    public void invalidateAll(java.util.Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<Request> deletes = userIds.stream().distinct()
                .map(u -> Request.cmd(Command.DEL).arg(RedisKeys.responses(u)))
                .toList();
        invalidations.runEach(deletes);
    }
}
