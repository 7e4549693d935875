package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.backend.RedisTestClient;

import java.time.Duration;

/**
 * One Redis server per test JVM for the contract ITs (each test uses keys of its own), started on first use and
 * stopped by a shutdown hook. ITs that stop, freeze or flush their server start their own.
 */
final class LocalRedis {
    private static RedisTestClient client;

    private LocalRedis() {
    }

    static synchronized RedisTestClient client() {
        if (client == null) {
            RedisServerBackend server = RedisServerBackend.start();
            RedisTestClient c = RedisTestClient.connect(server.endpoint(), Duration.ofSeconds(5));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                c.close();
                server.close();
            }, "redis-stop"));
            client = c;
        }
        return client;
    }
}
