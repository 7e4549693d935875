package dev.marquee.adapters.redis;

import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.backend.RedisServerBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints events/s of the port's default applyAll (single calls, event by event) and of the batched one, on a real
 * Redis server on loopback. Times are printed, not asserted: they depend on the machine. Opt-in, as it takes a while:
 * {@code -Dmarquee.bench=true -Dit.test=RedisApplyAllBenchmarkIT}.
 */
@EnabledIfSystemProperty(named = "marquee.bench", matches = "true")
class RedisApplyAllBenchmarkIT {
    private static final int EVENTS = 10_000;
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(100, Duration.ofHours(48));
    private static final Instant FROM = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void printsEventsPerSecondOfTheDefaultAndTheBatchedApplyAll() {
        try (RedisServerBackend server = RedisServerBackend.start();
             RedisTestClient batchedClient = RedisTestClient.connect(server.endpoint(), Duration.ofSeconds(10));
             RedisTestClient defaultClient = RedisTestClient.connect(URI.create(server.endpoint() + "/1"), Duration.ofSeconds(10))) {
            FeatureStore batched = new RedisFeatureStore(batchedClient.dataSource(), Duration.ofHours(6), batchedClient.timeout());
            FeatureStore byDefault = new SingleCallFeatureStore(new RedisFeatureStore(defaultClient.dataSource(), Duration.ofHours(6)));
            BatchWorkload workload = new BatchWorkload("bench", 1_000, 500, List.of("US", "GB", "DE", "FR", "BR", "IN"));

            // warm-up (JIT, pooled connections, script cache) on other event ids: a batch is only a few calls deep
            // into the pipeline code, so it takes a few whole batches; the single calls warm up within one
            measure(byDefault, workload.updates(3_000, 1, FROM, Duration.ofHours(1)));
            for (int seed = 1; seed <= 5; seed++) {
                measure(batched, workload.updates(EVENTS, seed, FROM, Duration.ofHours(1)));
            }

            List<FeatureUpdate> batch = workload.updates(EVENTS, 100, FROM, Duration.ofHours(1));
            Result single = measure(byDefault, batch);
            Result pipelined = measure(batched, batch);
            Result redelivered = measure(batched, batch);

            System.out.printf("applyAll of %,d updates (1,000 users, 500 items, 6 countries) on loopback Redis:%n", batch.size());
            System.out.printf("  default (single calls): %,10.0f events/s  (%d ms, %,d new)%n", single.eventsPerSecond(), single.millis(), single.applied());
            System.out.printf("  batched (pipelined):    %,10.0f events/s  (%d ms, %,d new)%n", pipelined.eventsPerSecond(), pipelined.millis(), pipelined.applied());
            System.out.printf("  batched, redelivered:   %,10.0f events/s  (%d ms, %,d new)%n", redelivered.eventsPerSecond(), redelivered.millis(), redelivered.applied());
            assertThat(pipelined.applied()).isEqualTo(single.applied());
            assertThat(redelivered.applied()).isZero();
        }
    }

    private static Result measure(FeatureStore store, List<FeatureUpdate> batch) {
        long started = System.nanoTime();
        int applied = store.applyAll(batch, LIMITS);
        return new Result(batch.size(), System.nanoTime() - started, applied);
    }

    private record Result(int events, long nanos, int applied) {
        double eventsPerSecond() {
            return events / (nanos / 1e9);
        }

        long millis() {
            return nanos / 1_000_000;
        }
    }
}
