package dev.marquee.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem in requests of 25 and BatchGetItem in requests of 100 (the service limits), each retrying what the
 * service left unprocessed with {@link Backoff}. A write that still has leftovers at the end throws, so "all or an
 * exception" holds; the writes are idempotent puts and deletes, so the caller may retry the whole batch.
 */
final class Batches {
    static final int WRITE_LIMIT = 25;
    static final int GET_LIMIT = 100;

    private final DynamoDbClient client;
    private final String store;
    private final String table;
    private final Backoff backoff;

    Batches(DynamoDbClient client, String store, String table, Backoff backoff) {
        this.client = client;
        this.store = store;
        this.table = table;
        this.backoff = backoff;
    }

    /** Requests must not name one key twice (the service rejects such a batch): callers deduplicate. */
    void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += WRITE_LIMIT) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + WRITE_LIMIT));
            int stalled = 0;
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = Map.of(table, pending);
                List<WriteRequest> left = Calls.call(store, table, "BatchWriteItem",
                        () -> client.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems().getOrDefault(table, List.of()));
                if (left.isEmpty()) {
                    break;
                }
                stalled = left.size() < pending.size() ? stalled : stalled + 1;
                backoff.pause(stalled, store, left.size() + " writes to " + table);
                pending = left;
            }
        }
    }

    /** The items found for {@code keys} (duplicates removed), in no particular order. */
    List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> unique = List.copyOf(new LinkedHashSet<>(keys));
        List<Map<String, AttributeValue>> found = new ArrayList<>(unique.size());
        for (int from = 0; from < unique.size(); from += GET_LIMIT) {
            List<Map<String, AttributeValue>> pending = unique.subList(from, Math.min(unique.size(), from + GET_LIMIT));
            int stalled = 0;
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> batch = Map.of(table, KeysAndAttributes.builder().keys(pending).build());
                BatchGetItemResponse response = Calls.call(store, table, "BatchGetItem",
                        () -> client.batchGetItem(b -> b.requestItems(batch)));
                List<Map<String, AttributeValue>> got = response.responses().getOrDefault(table, List.of());
                found.addAll(got);
                KeysAndAttributes left = response.unprocessedKeys().get(table);
                if (left == null || left.keys().isEmpty()) {
                    break;
                }
                stalled = got.isEmpty() ? stalled + 1 : stalled;
                backoff.pause(stalled, store, left.keys().size() + " reads from " + table);
                pending = left.keys();
            }
        }
        return found;
    }
}
