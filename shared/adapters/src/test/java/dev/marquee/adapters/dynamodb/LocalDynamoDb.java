package dev.marquee.adapters.dynamodb;

import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.contract.Fixtures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local per test JVM, shared by the contract ITs (each test works in tables of its own), started on
 * first use and stopped by a shutdown hook: starting it costs 1-2 s, a table costs milliseconds.
 */
final class LocalDynamoDb {
    private static DynamoDbLocalBackend backend;
    private static DynamoDbClient client;

    private LocalDynamoDb() {
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            DynamoDbLocalBackend started = DynamoDbLocalBackend.start();
            DynamoDbClient c = started.client();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                c.close();
                started.close();
            }, "dynamodb-local-stop"));
            backend = started;
            client = c;
        }
        return client;
    }

    static synchronized DynamoDbLocalBackend backend() {
        client();
        return backend;
    }

    /** A table name no other test uses. */
    static String uniqueTable(String base) {
        return Fixtures.unique(base);
    }
}
