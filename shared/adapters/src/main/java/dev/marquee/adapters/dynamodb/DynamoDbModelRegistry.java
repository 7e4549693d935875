package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as one item ({@code id = "serving"}) holding {@code active}, {@code previous} and, for the condition,
 * {@code activeVersion}. Activation is a single conditional UpdateItem that checks the expected active version and
 * moves active to previous in the same write, so readers see the old pair or the new pair, never a mix. Reads are
 * strongly consistent: after a switch, no reader may serve the old version from a stale replica.
 */
public final class DynamoDbModelRegistry implements ModelRegistry {
    static final String STORE = "registry";
    static final String KEY = "id";
    static final String SERVING = "serving";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbModelRegistry(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<ModelVersion> active() {
        return read("active");
    }

    @Override
    public Optional<ModelVersion> previous() {
        return read("previous");
    }

    @Override
    public boolean activate(ModelVersion next, String expectedCurrent) {
        Map<String, String> names = new HashMap<>(Map.of("#active", "active", "#current", "activeVersion"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":next", VersionCodec.encode(next), ":v", Attrs.s(next.version())));
        String update;
        String condition;
        if (expectedCurrent == null) {
            // no active version yet: nothing to move to previous (SET from a missing attribute would fail)
            update = "SET #active = :next, #current = :v";
            condition = "attribute_not_exists(#current)";
        } else {
            // right-hand sides read the item as it was before this write
            update = "SET #previous = #active, #active = :next, #current = :v";
            condition = "#current = :expected";
            names.put("#previous", "previous");
            values.put(":expected", Attrs.s(expectedCurrent));
        }
        return Calls.call(STORE, table, "UpdateItem", () -> {
            try {
                client.updateItem(b -> b.tableName(table).key(key())
                        .updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                return true;
            } catch (ConditionalCheckFailedException lostTheRace) {
                return false;
            }
        });
    }

    private Optional<ModelVersion> read(String slot) {
        Map<String, AttributeValue> item = Calls.call(STORE, table, "GetItem",
                () -> client.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item());
        AttributeValue v = item == null ? null : item.get(slot);
        return v == null ? Optional.empty() : Optional.of(VersionCodec.decode(v));
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(KEY, Attrs.s(SERVING));
    }
}
