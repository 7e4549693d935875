package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.function.Supplier;

/**
 * Runs one DynamoDB operation and turns every SDK failure into {@link StoreUnavailableException}, so an outage, a
 * throttle or a missing table can never read as "not found". Expected outcomes (a failed condition) are handled by
 * the caller inside the operation, before they reach this mapping.
 */
final class Calls {
    private Calls() {
    }

    static <T> T call(String store, String table, String operation, Supplier<T> op) {
        try {
            return op.get();
        } catch (ResourceNotFoundException e) {
            // a missing table is a deployment fault, not an empty store
            throw new StoreUnavailableException(store, operation + ": table " + table + " does not exist", e);
        } catch (SdkException e) {
            throw new StoreUnavailableException(store, operation + " on " + table + " failed: " + e.getMessage(), e);
        }
    }

    static void run(String store, String table, String operation, Runnable op) {
        call(store, table, operation, () -> {
            op.run();
            return null;
        });
    }
}
