package dev.marquee.adapters.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

import java.net.URI;
import java.time.Duration;

/**
 * A {@link RedisDataSource} built outside CDI, the way Quarkus's RedisClientRecorder builds the injected one: a
 * Mutiny Vert.x, a Vert.x Redis client and its RedisAPI, wrapped in the blocking data source whose {@code timeout}
 * bounds every call (Quarkus's {@code quarkus.redis.timeout}). Closing it closes the client and Vert.x.
 */
final class RedisTestClient implements AutoCloseable {
    private final Vertx vertx;
    private final Redis client;
    private final RedisDataSource dataSource;

    private RedisTestClient(URI endpoint, Duration timeout) {
        this.vertx = Vertx.vertx();
        RedisOptions options = new RedisOptions()
                .setConnectionString(endpoint.toString())
                .setMaxPoolSize(4)
                .setMaxPoolWaiting(64)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) timeout.toMillis()));
        this.client = Redis.createClient(vertx, options);
        this.dataSource = new BlockingRedisDataSourceImpl(vertx, client, RedisAPI.api(client), timeout);
    }

    static RedisTestClient connect(URI endpoint, Duration timeout) {
        return new RedisTestClient(endpoint, timeout);
    }

    RedisDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        client.close();
        vertx.closeAndAwait();
    }
}
