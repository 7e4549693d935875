package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.testing.contract.ModelRegistryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB registry against the contract, on DynamoDB Local, in a fresh table per test. */
class DynamoDbModelRegistryIT extends ModelRegistryContract {
    private String table;

    @Override
    protected ModelRegistry newRegistry() {
        table = LocalDynamoDb.uniqueTable(DynamoDbTables.MODELS);
        DynamoDbTables.createModels(LocalDynamoDb.client(), table);
        return new DynamoDbModelRegistry(LocalDynamoDb.client(), table);
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.delete(LocalDynamoDb.client(), table);
    }

    @Test
    void metricsDynamoDbCannotHoldAsNumbersStillRoundTrip() {
        ModelVersion odd = new ModelVersion("v1", null,
                Map.of("nan", Double.NaN, "tiny", 1e-200, "small", 1.5e-7, "zero", 0.0, "neg", -3.25));
        assertThat(registry.activate(odd, null)).isTrue();

        assertThat(registry.active()).contains(odd);
    }

    @Test
    void threeActivationsKeepOnlyTheLastPair() {
        Instant at = Instant.parse("2026-02-03T04:05:06.123456789Z");
        registry.activate(new ModelVersion("v1", at, Map.of()), null);
        registry.activate(new ModelVersion("v2", at, Map.of()), "v1");
        assertThat(registry.activate(new ModelVersion("v3", at, Map.of()), "v2")).isTrue();

        assertThat(registry.active()).contains(new ModelVersion("v3", at, Map.of()));
        assertThat(registry.previous()).contains(new ModelVersion("v2", at, Map.of()));
    }
}
