package dev.marquee.testing.backend;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;

/**
 * A {@link RedisDataSource} built outside CDI, the way Quarkus's RedisClientRecorder builds the injected one: a
 * Mutiny Vert.x, a Vert.x Redis client and its RedisAPI, wrapped in the blocking data source whose {@code timeout}
 * bounds every call (Quarkus's {@code quarkus.redis.timeout}). Closing it closes the client and Vert.x.
 * {@link #connectCluster} is the {@code quarkus.redis.client-type=cluster} flavour, for a cluster-mode server.
 */
public final class RedisTestClient implements AutoCloseable {
    private final Vertx vertx;
    private final Redis client;
    private final RedisDataSource dataSource;
    private final Duration timeout;

    private RedisTestClient(URI endpoint, Duration timeout, RedisClientType type) {
        this.vertx = Vertx.vertx();
        this.timeout = timeout;
        RedisOptions options = new RedisOptions()
                .setType(type)
                .setConnectionString(endpoint.toString())
                .setMaxPoolSize(4)
                .setMaxPoolWaiting(64)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) timeout.toMillis()));
        this.client = Redis.createClient(vertx, options);
        this.dataSource = new BlockingRedisDataSourceImpl(vertx, client, RedisAPI.api(client), timeout);
    }

    public static RedisTestClient connect(URI endpoint, Duration timeout) {
        return new RedisTestClient(endpoint, timeout, RedisClientType.STANDALONE);
    }

    /** A cluster client of a single cluster-mode node, after giving that node every slot. */
    public static RedisTestClient connectCluster(URI node, Duration timeout) {
        try (RedisTestClient admin = connect(node, timeout)) {
            String[] addSlots = IntStream.range(0, 16384).mapToObj(Integer::toString).toArray(String[]::new);
            admin.dataSource.execute("CLUSTER", prepend("ADDSLOTS", addSlots));
            awaitClusterOk(admin.dataSource);
        }
        return new RedisTestClient(node, timeout, RedisClientType.CLUSTER);
    }

    public RedisDataSource dataSource() {
        return dataSource;
    }

    /** The timeout the data source was built with, which it does not expose. */
    public Duration timeout() {
        return timeout;
    }

    /** A fresh master waits about two seconds (CLUSTER_WRITABLE_DELAY) before it reports ok; a loaded machine, longer. */
    private static void awaitClusterOk(RedisDataSource admin) {
        Duration patience = Duration.ofSeconds(30);
        long deadline = System.nanoTime() + patience.toNanos();
        String info;
        while (!(info = admin.execute("CLUSTER", "INFO").toString()).contains("cluster_state:ok")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster node did not report cluster_state:ok within " + patience + ": " + info);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster", e);
            }
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public void close() {
        client.close();
        vertx.closeAndAwait();
    }
}
