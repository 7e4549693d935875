package dev.marquee.devtools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: requests leave at a fixed rate whatever the server's pace, and each latency is counted
 * from the moment its request was due, not from when it was sent, so a stalled server shows in the figures instead of
 * slowing the generator down (no coordinated omission).
 */
final class LoadGenerator {
    /** What one run measured; latencies in milliseconds. */
    record Result(String endpoint, int sent, int errors, int degraded, double seconds, double rps, double p50, double p99, double max) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /**
     * Sends {@code rate * seconds} GETs at a fixed rate, the i-th to {@code uri.apply(i)}; waits for the last answers.
     * A request is an error when it is not answered 200 within 5 s; an answer is degraded when its body names a
     * {@code fallback} (a fast answer that went without a store is not the answer being measured).
     */
    Result run(String endpoint, IntFunction<URI> uri, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger degraded = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(uri.apply(i)).timeout(Duration.ofSeconds(5)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies[n] = System.nanoTime() - due;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else if (response.body().contains("\"fallback\":")) {
                    degraded.incrementAndGet();
                }
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " requests still unanswered 30 s after the last was sent");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(endpoint, total, errors.get(), degraded.get(), elapsed, total / elapsed, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
