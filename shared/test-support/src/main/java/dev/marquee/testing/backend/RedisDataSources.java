package dev.marquee.testing.backend;

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
 * A {@link RedisDataSource} built outside CDI, the way Quarkus's RedisClientRecorder builds the injected one: a Mutiny
 * Vert.x, a Vert.x Redis client and its RedisAPI, wrapped in the blocking data source whose {@code timeout} bounds every
 * call (Quarkus's {@code quarkus.redis.timeout}). For tests and tools that run adapters without Quarkus.
 */
public final class RedisDataSources {
    private RedisDataSources() {
    }

    /** The data source and what must be closed with it. */
    public static final class Handle implements AutoCloseable {
        private final Vertx vertx;
        private final Redis client;
        private final RedisDataSource dataSource;

        private Handle(URI endpoint, Duration timeout) {
            this.vertx = Vertx.vertx();
            RedisOptions options = new RedisOptions()
                    .setConnectionString(endpoint.toString())
                    .setMaxPoolSize(8)
                    .setMaxPoolWaiting(1024)
                    .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) timeout.toMillis()));
            this.client = Redis.createClient(vertx, options);
            this.dataSource = new BlockingRedisDataSourceImpl(vertx, client, RedisAPI.api(client), timeout);
        }

        public RedisDataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() {
            client.close();
            vertx.closeAndAwait();
        }
    }

    public static Handle connect(URI endpoint, Duration timeout) {
        return new Handle(endpoint, timeout);
    }
}
