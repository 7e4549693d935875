package dev.marquee.api.cache;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTest {
    private final SingleFlight<String, String> flight = new SingleFlight<>();

    @Test
    void concurrentMissesOfAKeyShareOneRead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = pool.submit(() -> flight.load("k", () -> {
                reads.incrementAndGet();
                readStarted.countDown();
                await(release);
                return "v";
            }));
            readStarted.await();
            List<Future<String>> others = new ArrayList<>();
            List<Thread> waiters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add(pool.submit(() -> {
                    synchronized (waiters) {
                        waiters.add(Thread.currentThread());
                    }
                    return flight.load("k", () -> {
                        reads.incrementAndGet();
                        return "second read";
                    });
                }));
            }
            awaitParked(waiters, 5);
            release.countDown();

            assertThat(first.get()).isEqualTo("v");
            for (Future<String> f : others) {
                assertThat(f.get()).isEqualTo("v");
            }
        }
        assertThat(reads).hasValue(1);
        assertThat(flight.load("k", () -> "fresh read")).as("a finished read is not reused").isEqualTo("fresh read");
    }

    @Test
    void aBatchReadsOnlyTheKeysNobodyIsReadingAndAFailureReachesEveryWaiter() {
        List<List<String>> batches = new ArrayList<>();
        Map<String, String> got = flight.loadAll(List.of("a", "b", "a"), keys -> {
            batches.add(List.copyOf(keys));
            Map<String, String> out = new HashMap<>();
            keys.forEach(k -> out.put(k, k.toUpperCase()));
            return out;
        });
        assertThat(got).containsOnly(Map.entry("a", "A"), Map.entry("b", "B"));
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).containsExactlyInAnyOrder("a", "b");

        assertThatThrownBy(() -> flight.loadAll(List.of("c"), keys -> {
            throw new IllegalStateException("store down");
        })).hasMessage("store down");
        assertThat(flight.load("c", () -> "read again")).isEqualTo("read again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the given number of threads are parked (waiting on the read under way; nothing else parks them). */
    private static void awaitParked(List<Thread> threads, int count) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            synchronized (threads) {
                if (threads.size() == count && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the loads never waited on the read under way");
    }
}
