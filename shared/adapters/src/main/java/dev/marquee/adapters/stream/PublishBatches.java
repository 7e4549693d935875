package dev.marquee.adapters.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;

/** What the stream publishers (Kinesis, SQS) share: cutting requests to the service's limits, and retry backoff. */
public final class PublishBatches {
    private PublishBatches() {
    }

    /** Consecutive requests of at most {@code maxCount} entries and {@code maxBytes} bytes, in input order. */
    public static <T> List<List<T>> cut(List<T> entries, int maxCount, long maxBytes, ToIntFunction<T> bytes) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long currentBytes = 0;
        for (T entry : entries) {
            int size = bytes.applyAsInt(entry);
            if (!current.isEmpty() && (current.size() == maxCount || currentBytes + size > maxBytes)) {
                out.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entry);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * Sleeps before attempt {@code attempt} (2, 3...): exponential from {@code initial}, capped at {@code max}, with
     * equal jitter so a fleet of retrying functions does not retry in step. False when interrupted (flag restored).
     */
    public static boolean sleepBeforeAttempt(int attempt, Duration initial, Duration max) {
        long exp = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 2, 20));
        long sleep = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        try {
            Thread.sleep(sleep);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
