package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.FreePort;
import dev.marquee.testing.backend.RedisServerBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Redis down or unresponsive, every call fails promptly with {@link StoreUnavailableException} (so the funnel
 * can degrade and say so) instead of hanging or answering "empty"; after a restart the same client works again.
 */
class RedisOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Slack for a loaded build machine on top of the client's timeout. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(10, Duration.ofHours(1));

    @Test
    void everyCallFailsFastWhileTheServerIsDownAndWorksAgainAfterARestart() {
        try (RedisServerBackend server = RedisServerBackend.start();
             RedisTestClient client = RedisTestClient.connect(server.endpoint(), TIMEOUT)) {
            RedisFeatureStore store = new RedisFeatureStore(client.dataSource(), Duration.ofHours(6), TIMEOUT);
            RedisResponseCache cache = new RedisResponseCache(client.dataSource());
            store.markSeen("u1", "i1");
            store.applyAll(batch().subList(0, 1), LIMITS);
            cache.put("u1", "home", "{}", Duration.ofMinutes(1));
            assertThat(store.seen("u1")).containsExactly("i1");

            server.stop();

            callsOf(store, cache).forEach((name, call) -> assertUnavailablePromptly(name, call));

            server.restart();

            // the restarted server is empty (no persistence), and the pooled client reconnects by itself
            assertThat(store.seen("u1")).isEmpty();
            cache.put("u1", "home", "{\"back\":true}", Duration.ofMinutes(1));
            assertThat(cache.get("u1", "home")).contains("{\"back\":true}");
            // the restarted server has forgotten the scripts loaded before: EVALSHA falls back to EVAL
            assertThat(store.applyAll(batch(), LIMITS)).isEqualTo(2_000);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfHanging() throws IOException {
        // accepts TCP connections (the kernel completes them from the backlog) but never says a word
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getByName(FreePort.LOOPBACK), 0), 50);
            URI endpoint = URI.create("redis://" + FreePort.LOOPBACK + ":" + silent.getLocalPort());
            try (RedisTestClient client = RedisTestClient.connect(endpoint, Duration.ofMillis(500))) {
                Duration timeout = Duration.ofMillis(500);
                RedisFeatureStore store = new RedisFeatureStore(client.dataSource(), Duration.ofHours(6), timeout);
                // not told the timeout (10 s by default): a batch still starts with a call bounded by the data source's
                RedisFeatureStore untold = new RedisFeatureStore(client.dataSource(), Duration.ofHours(6));

                for (Executable call : List.<Executable>of(() -> store.seen("u1"), () -> store.applyAll(batch(), LIMITS),
                        () -> untold.applyAll(batch(), LIMITS))) {
                    long started = System.nanoTime();
                    assertThatThrownBy(call::execute)
                            .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.store()).isEqualTo("redis"));
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plus(SLACK));
                }
            }
        }
    }

    private static Map<String, Executable> callsOf(RedisFeatureStore store, RedisResponseCache cache) {
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("claimEvent", () -> store.claimEvent("ev-1", Duration.ofHours(1)));
        calls.put("addRecent", () -> store.addRecent("u1", new RecentInteraction("i1", EventType.PLAY, NOW), 10));
        calls.put("recent", () -> store.recent("u1", 10));
        calls.put("markSeen", () -> store.markSeen("u1", "i2"));
        calls.put("seen", () -> store.seen("u1"));
        calls.put("incrementCounter", () -> store.incrementCounter("i1", "plays", 1));
        calls.put("counter", () -> store.counter("i1", "plays"));
        calls.put("bumpTrending", () -> store.bumpTrending("US", "i1", 1, NOW));
        calls.put("trending", () -> store.trending("US", 10, NOW));
        calls.put("deleteUser", () -> store.deleteUser("u1"));
        calls.put("applyAll", () -> store.applyAll(batch(), LIMITS));
        calls.put("cache.get", () -> cache.get("u1", "home"));
        calls.put("cache.put", () -> cache.put("u1", "home", "{}", Duration.ofMinutes(1)));
        calls.put("cache.invalidate", () -> cache.invalidate("u1"));
        return calls;
    }

    /** Enough events for many pipelined scripts, so a dead server cannot cost one timeout per script. */
    private static List<FeatureUpdate> batch() {
        List<FeatureUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String item = "i" + i % 300;
            updates.add(new FeatureUpdate("ev-" + i, "u" + i % 700, item, new RecentInteraction(item, EventType.PLAY, NOW), "play", 2, "US"));
        }
        return updates;
    }

    private static void assertUnavailablePromptly(String name, Executable call) {
        long started = System.nanoTime();
        assertThatThrownBy(call::execute)
                .as(name)
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.store()).isEqualTo("redis"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(name + " took").isLessThan(TIMEOUT.plus(SLACK));
    }
}
