package dev.marquee.adapters.redis;

import dev.marquee.domain.port.StoreUnavailableException;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs one Redis round trip and turns any failure into {@link StoreUnavailableException}. A refused connection
 * arrives wrapped in a {@link CompletionException}, a slow server as Mutiny's TimeoutException after the data
 * source's timeout, an error reply as a Vert.x exception: to the caller all of them mean "features unavailable",
 * and none may look like an empty answer. Decoding of replies happens outside, so our own bugs are not disguised.
 */
final class RedisCalls {
    static final String STORE = "redis";

    private RedisCalls() {
    }

    static <T> T call(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw unavailable(operation, e);
        }
    }

    /** The exception for a failed {@code operation}, whatever form the failure arrived in. */
    static StoreUnavailableException unavailable(String operation, Throwable failure) {
        return new StoreUnavailableException(STORE, operation + " failed: " + describe(failure), failure);
    }

    static void run(String operation, Runnable command) {
        call(operation, () -> {
            command.run();
            return null;
        });
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
