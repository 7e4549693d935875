package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreachable backend or a missing table surfaces as {@link StoreUnavailableException}, never as "not found". */
class DynamoDbOutageIT {

    @Test
    void missingTablesAreOutagesNotEmptyStores() {
        DynamoDbClient client = LocalDynamoDb.client();
        String missing = LocalDynamoDb.uniqueTable("never-created");
        var catalog = new DynamoDbItemCatalog(client, missing);
        var profiles = new DynamoDbUserProfiles(client, missing);
        var candidates = new DynamoDbCandidateStore(client, missing);
        var registry = new DynamoDbModelRegistry(client, missing);

        assertUnavailable("catalog", () -> catalog.get("i1"));
        assertUnavailable("catalog", () -> catalog.getAll(List.of("i1", "i2")));
        assertUnavailable("catalog", () -> catalog.putAll(List.of(Fixtures.item("i1"))));
        assertUnavailable("catalog", () -> catalog.forEach(i -> { }));
        assertUnavailable("profiles", () -> profiles.get("u1"));
        assertUnavailable("profiles", () -> profiles.delete("u1"));
        assertUnavailable("candidates", () -> candidates.get("v1", CandidateKind.USER, "u1"));
        assertUnavailable("candidates", () -> candidates.deleteVersion("v1"));
        assertUnavailable("registry", registry::active);
        assertUnavailable("registry", () -> registry.activate(new ModelVersion("v1", Instant.EPOCH, Map.of()), null));
    }

    @Test
    void aStoppedServerIsAnOutageNotAnEmptyStore() {
        DynamoDbLocalBackend backend = DynamoDbLocalBackend.start();
        try (DynamoDbClient client = backend.client()) {
            DynamoDbTables.Names names = DynamoDbTables.Names.withSuffix("-outage");
            DynamoDbTables.createAll(client, names);
            var catalog = new DynamoDbItemCatalog(client, names.items());
            var profiles = new DynamoDbUserProfiles(client, names.users());
            var candidates = new DynamoDbCandidateStore(client, names.candidates());
            var registry = new DynamoDbModelRegistry(client, names.models());
            catalog.put(Fixtures.item("i1"));
            profiles.put(UserProfile.anonymous("u1"));
            candidates.putAll("v1", CandidateKind.USER, Map.of("u1", List.of(new Candidate("i1", 1.0, "cf"))));
            registry.activate(new ModelVersion("v1", Instant.EPOCH, Map.of()), null);
            assertThat(catalog.get("i1")).isPresent();

            backend.close();

            assertUnavailable("catalog", () -> catalog.get("i1"));
            assertUnavailable("catalog", () -> catalog.getAll(List.of("i1")));
            assertUnavailable("profiles", () -> profiles.get("u1"));
            assertUnavailable("candidates", () -> candidates.get("v1", CandidateKind.USER, "u1"));
            assertUnavailable("registry", registry::active);
        } finally {
            backend.close();
        }
    }

    private static void assertUnavailable(String store, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo(store));
    }
}
