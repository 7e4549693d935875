package dev.marquee.infra.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TablePropsV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The four DynamoDB tables, on-demand, with point-in-time recovery. Their keys are the ones the adapters in
 * shared/adapters use (DynamoDbTables there; TableKeysTest checks both agree): items {@code itemId}, users
 * {@code userId}, candidates {@code pk}+{@code sk}, models (the registry) {@code id}.
 * Candidates are keyed by model version: {@code expires_at} (epoch seconds) lets superseded versions expire.
 */
public class Tables extends Construct {
    public static final String ITEMS_KEY = "itemId";
    public static final String USERS_KEY = "userId";
    public static final String CANDIDATES_PK = "pk";
    public static final String CANDIDATES_SK = "sk";
    public static final String MODELS_KEY = "id";
    public static final String CANDIDATES_TTL = "expires_at";

    private final TableV2 items;
    private final TableV2 users;
    private final TableV2 candidates;
    private final TableV2 models;

    public Tables(Construct scope, String id, String namePrefix, boolean retain) {
        super(scope, id);
        items = table("Items", namePrefix + "items", ITEMS_KEY, null, null, retain);
        users = table("Users", namePrefix + "users", USERS_KEY, null, null, retain);
        candidates = table("Candidates", namePrefix + "candidates", CANDIDATES_PK, CANDIDATES_SK, CANDIDATES_TTL, retain);
        models = table("Models", namePrefix + "models", MODELS_KEY, null, null, retain);
    }

    private TableV2 table(String id, String name, String pk, String sk, String ttl, boolean retain) {
        TablePropsV2.Builder b = TablePropsV2.builder()
                .tableName(name)
                .partitionKey(Attribute.builder().name(pk).type(AttributeType.STRING).build())
                .billing(Billing.onDemand())
                .encryption(TableEncryptionV2.dynamoOwnedKey())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(retain)
                .removalPolicy(retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        if (sk != null) {
            b.sortKey(Attribute.builder().name(sk).type(AttributeType.STRING).build());
        }
        if (ttl != null) {
            b.timeToLiveAttribute(ttl);
        }
        return new TableV2(this, id, b.build());
    }

    public TableV2 items() {
        return items;
    }

    public TableV2 users() {
        return users;
    }

    public TableV2 candidates() {
        return candidates;
    }

    public TableV2 models() {
        return models;
    }
}
