package dev.marquee.adapters.redis;

import java.util.List;

/**
 * The scripts of {@link RedisFeatureStore#applyAll}, one per kind of slot; each runs the effects of several events on
 * keys of one hash slot (cluster-safe), every event guarded by its own claim key in that slot. A claimed event is
 * skipped; a new one is applied and claimed LAST: Redis does not roll a failed script back, so a script that dies
 * half-way leaves no claim on an effect it did not apply, and a redelivery completes exactly what is missing.
 * Every script returns one 0 (already claimed) or 1 (applied now) per event.
 */
final class BatchScripts {

    /**
     * KEYS: n event claims, the user's recent list, the user's seen set. ARGV[1] claim TTL ms, ARGV[2] recent max,
     * then per event i: ARGV[3i] recent element, ARGV[3i+1] '1' if seen, ARGV[3i+2] item. SADD goes first as it is
     * idempotent: a LPUSH failing after it leaves nothing that a redelivery would double. LTRIM runs only when LPUSH's
     * answer (the new length) says the list outgrew its bound.
     */
    static final LuaScript USER = LuaScript.of("user", """
            local n = #KEYS - 2
            local recent, seen = KEYS[n + 1], KEYS[n + 2]
            local max = tonumber(ARGV[2])
            local applied = {}
            for i = 1, n do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                applied[i] = 0
              else
                local a = 3 * i
                if ARGV[a + 1] == '1' then
                  redis.call('SADD', seen, ARGV[a + 2])
                end
                if redis.call('LPUSH', recent, ARGV[a]) > max then
                  redis.call('LTRIM', recent, 0, max - 1)
                end
                redis.call('SET', KEYS[i], '1', 'PX', ARGV[1])
                applied[i] = 1
              end
            end
            return applied
            """);

    /**
     * KEYS: n event claims, the item's counters hash. ARGV[1] claim TTL ms, ARGV[2] name of the weight counter, then
     * per event i: ARGV[2i+1] its type counter (+1), ARGV[2i+2] its weight (added to the weight counter).
     */
    static final LuaScript COUNTERS = LuaScript.of("counters", """
            local n = #KEYS - 1
            local counters = KEYS[n + 1]
            local applied = {}
            for i = 1, n do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                applied[i] = 0
              else
                local a = 2 * i + 1
                redis.call('HINCRBYFLOAT', counters, ARGV[a], 1)
                redis.call('HINCRBYFLOAT', counters, ARGV[2], ARGV[a + 1])
                redis.call('SET', KEYS[i], '1', 'PX', ARGV[1])
                applied[i] = 1
              end
            end
            return applied
            """);

    /**
     * KEYS: n event claims, one country's sorted set of one epoch. ARGV[1] claim TTL ms, ARGV[2] the set's retention
     * ms, then per event i: ARGV[3i] item, ARGV[3i+1] stored increment, ARGV[3i+2] how many times to add it (2 only
     * when the country is the global key itself, which the single calls would bump twice).
     */
    static final LuaScript TRENDING = LuaScript.of("trending", """
            local n = #KEYS - 1
            local scores = KEYS[n + 1]
            local applied = {}
            local bumped = false
            for i = 1, n do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                applied[i] = 0
              else
                local a = 3 * i
                for _ = 1, tonumber(ARGV[a + 2]) do
                  redis.call('ZINCRBY', scores, ARGV[a + 1], ARGV[a])
                end
                redis.call('SET', KEYS[i], '1', 'PX', ARGV[1])
                applied[i] = 1
                bumped = true
              end
            end
            if bumped then
              redis.call('PEXPIRE', scores, ARGV[2])
            end
            return applied
            """);

    static final List<LuaScript> ALL = List.of(USER, COUNTERS, TRENDING);

    private BatchScripts() {
    }
}
