package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.port.StoreUnavailableException;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with full jitter for the leftovers of batch calls (unprocessed items and keys), which
 * DynamoDB returns instead of an error when a partition is throttled. The SDK retries whole failed calls itself.
 */
record Backoff(int maxStalledRounds, long baseMillis, long capMillis) {
    static final Backoff DEFAULT = new Backoff(8, 25, 1_000);

    /** Sleeps before retry number {@code stalled} (0-based); gives up once the leftovers stopped shrinking too long. */
    void pause(int stalled, String store, String what) {
        if (stalled >= maxStalledRounds) {
            throw new StoreUnavailableException(store, what + " still unprocessed after " + stalled + " retries", null);
        }
        long ceiling = Math.min(capMillis, baseMillis << Math.min(stalled, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(store, "interrupted while retrying " + what, e);
        }
    }
}
