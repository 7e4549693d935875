package dev.marquee.adapters.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.redis.client.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * Two-command writes as Lua, so each is one round trip and atomic: the blocking data source has no pipeline, and
 * MULTI/EXEC would cost four round trips on a pinned connection. Each script touches one key (cluster-safe).
 */
final class RedisScripts {
    /** KEYS[1] list, ARGV[1] element, ARGV[2] max length: LPUSH then LTRIM to the newest ARGV[2]. */
    static final String PUSH_BOUNDED = """
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
            return 1
            """;

    /** KEYS[1] sorted set, ARGV[1] increment, ARGV[2] member, ARGV[3] TTL ms: ZINCRBY and refresh the key's TTL. */
    static final String INCREMENT_AND_EXPIRE = """
            redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    /**
     * KEYS[1] hash, ARGV[1] field, ARGV[2] value, ARGV[3] TTL ms: HSET, then extend the key's TTL to at least ARGV[3]
     * (never shorten it: that would drop the user's other, longer-lived entries early). PTTL is -1 on a new key.
     */
    static final String HSET_EXTEND_TTL = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 1
            """;

    private RedisScripts() {
    }

    /** EVAL of {@code script} on the single key {@code key}; the caller maps failures. */
    static void eval(RedisDataSource redis, String script, String key, String... args) {
        List<String> command = new ArrayList<>(args.length + 3);
        command.add(script);
        command.add("1");
        command.add(key);
        command.addAll(List.of(args));
        redis.execute(Command.EVAL, command.toArray(String[]::new));
    }
}
