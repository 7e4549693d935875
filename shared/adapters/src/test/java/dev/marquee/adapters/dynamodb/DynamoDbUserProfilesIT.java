package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.port.UserProfiles;
import dev.marquee.testing.contract.UserProfilesContract;
import org.junit.jupiter.api.AfterEach;

/** The DynamoDB profiles against the contract, on DynamoDB Local, in a fresh table per test. */
class DynamoDbUserProfilesIT extends UserProfilesContract {
    private String table;

    @Override
    protected UserProfiles newProfiles() {
        table = LocalDynamoDb.uniqueTable(DynamoDbTables.USERS);
        DynamoDbTables.createUsers(LocalDynamoDb.client(), table);
        return new DynamoDbUserProfiles(LocalDynamoDb.client(), table);
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.delete(LocalDynamoDb.client(), table);
    }
}
