package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.UserProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.Map;
import java.util.Optional;

/**
 * Profiles in one table keyed by {@code userId}. Reads are strongly consistent: a profile is read once per
 * recommendation request, and the request right after onboarding must see the preferences just written.
 */
public final class DynamoDbUserProfiles implements UserProfiles {
    static final String STORE = "profiles";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbUserProfiles(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void put(UserProfile profile) {
        Calls.run(STORE, table, "PutItem", () -> client.putItem(b -> b.tableName(table).item(ProfileCodec.encode(profile))));
    }

    @Override
    public Optional<UserProfile> get(String userId) {
        Map<String, AttributeValue> found = Calls.call(STORE, table, "GetItem",
                () -> client.getItem(b -> b.tableName(table).key(ProfileCodec.key(userId)).consistentRead(true)).item());
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(ProfileCodec.decode(found));
    }

    @Override
    public boolean delete(String userId) {
        Map<String, AttributeValue> old = Calls.call(STORE, table, "DeleteItem",
                () -> client.deleteItem(b -> b.tableName(table).key(ProfileCodec.key(userId)).returnValues(ReturnValue.ALL_OLD))
                        .attributes());
        return old != null && !old.isEmpty();
    }
}
