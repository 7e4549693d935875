package dev.marquee.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables the DynamoDB adapters expect, for tests and the local runner (in AWS the CDK stack creates them and must
 * declare the same keys). Every table is on-demand (PAY_PER_REQUEST) with string keys.
 */
public final class DynamoDbTables {
    public static final String ITEMS = "marquee-items";
    public static final String USERS = "marquee-users";
    public static final String CANDIDATES = "marquee-candidates";
    public static final String MODELS = "marquee-models";

    /** The four table names; {@link #DEFAULTS} in AWS and locally, {@link #withSuffix} for isolated tests. */
    public record Names(String items, String users, String candidates, String models) {
        public static Names withSuffix(String suffix) {
            return new Names(ITEMS + suffix, USERS + suffix, CANDIDATES + suffix, MODELS + suffix);
        }
    }

    public static final Names DEFAULTS = new Names(ITEMS, USERS, CANDIDATES, MODELS);

    private DynamoDbTables() {
    }

    /** Creates every table that does not exist yet and waits until all are active. */
    public static void createAll(DynamoDbClient client, Names names) {
        createItems(client, names.items());
        createUsers(client, names.users());
        createCandidates(client, names.candidates());
        createModels(client, names.models());
    }

    public static void createItems(DynamoDbClient client, String table) {
        create(client, table, ItemCodec.KEY, null);
    }

    public static void createUsers(DynamoDbClient client, String table) {
        create(client, table, ProfileCodec.KEY, null);
    }

    public static void createCandidates(DynamoDbClient client, String table) {
        create(client, table, DynamoDbCandidateStore.PK, DynamoDbCandidateStore.SK);
    }

    public static void createModels(DynamoDbClient client, String table) {
        create(client, table, DynamoDbModelRegistry.KEY, null);
    }

    public static void delete(DynamoDbClient client, String table) {
        client.deleteTable(b -> b.tableName(table));
    }

    private static void create(DynamoDbClient client, String table, String partitionKey, String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        definitions.add(stringAttribute(partitionKey));
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
            definitions.add(stringAttribute(sortKey));
        }
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keys)
                    .attributeDefinitions(definitions)
                    .build());
        } catch (ResourceInUseException alreadyThere) {
            // idempotent: the local runner calls this on every start
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
