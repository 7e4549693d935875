package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.contract.FeatureStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/**
 * The Redis adapter against the feature store contract on a cluster-mode server through a cluster client, as on
 * ElastiCache Serverless: the server refuses (CROSSSLOT) any command or script whose keys span hash slots, and the
 * client refuses to send one, so this proves every multi-key call, batch scripts included, stays in one slot.
 */
class RedisClusterFeatureStoreIT extends FeatureStoreContract {
    private static RedisServerBackend server;
    private static RedisTestClient client;

    @BeforeAll
    static void startRedis() {
        server = RedisServerBackend.startClusterNode();
        client = RedisTestClient.connectCluster(server.endpoint(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected FeatureStore newStore() {
        return new RedisFeatureStore(client.dataSource(), HALF_LIFE, client.timeout());
    }
}
