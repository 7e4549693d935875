package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.testing.contract.Fixtures;
import dev.marquee.testing.contract.ResponseCacheContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis adapter against the response cache contract, on a real Redis server on loopback. */
class RedisResponseCacheIT extends ResponseCacheContract {
    private static final RedisTestClient client = LocalRedis.client();

    @Override
    protected ResponseCache newCache() {
        return new RedisResponseCache(client.dataSource());
    }

    /** The TTL lives on the user's hash: a short-lived put must neither cut a longer entry short nor outlive itself. */
    @Test
    void eachEntryKeepsItsOwnTtlInsideTheSharedHash() throws InterruptedException {
        String user = Fixtures.unique("user");
        cache.put(user, "long", "L", Duration.ofMinutes(1));
        cache.put(user, "short", "S", Duration.ofMillis(1100));

        Thread.sleep(2100);

        assertThat(cache.get(user, "long")).contains("L");
        assertThat(cache.get(user, "short")).isEmpty();
    }
}
