package dev.marquee.testing.contract;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ModelRegistry} must do. Subclasses return a fresh registry with no active version. */
public abstract class ModelRegistryContract {
    protected ModelRegistry registry;

    protected abstract ModelRegistry newRegistry();

    @BeforeEach
    void createRegistry() {
        registry = newRegistry();
    }

    private static ModelVersion version(String id) {
        return new ModelVersion(id, Instant.parse("2026-01-01T00:00:00Z"), Map.of("ndcg@10", 0.31));
    }

    @Test
    void startsWithNoActiveVersion() {
        assertThat(registry.active()).isEmpty();
        assertThat(registry.previous()).isEmpty();
    }

    @Test
    void firstActivationExpectsNoCurrentVersion() {
        assertThat(registry.activate(version("v1"), null)).isTrue();

        assertThat(registry.active()).contains(version("v1"));
    }

    @Test
    void activationKeepsThePreviousVersionForRollback() {
        registry.activate(version("v1"), null);
        assertThat(registry.activate(version("v2"), "v1")).isTrue();

        assertThat(registry.active()).map(ModelVersion::version).contains("v2");
        assertThat(registry.previous()).map(ModelVersion::version).contains("v1");
    }

    @Test
    void activationAgainstAStaleExpectationChangesNothing() {
        registry.activate(version("v1"), null);
        registry.activate(version("v2"), "v1");

        assertThat(registry.activate(version("v3"), "v1")).isFalse();
        assertThat(registry.activate(version("v3"), null)).isFalse();
        assertThat(registry.active()).map(ModelVersion::version).contains("v2");
        assertThat(registry.previous()).map(ModelVersion::version).contains("v1");
    }

    @Test
    void metricsTravelWithTheVersion() {
        registry.activate(version("v1"), null);

        assertThat(registry.active()).hasValueSatisfying(v -> assertThat(v.metrics()).containsEntry("ndcg@10", 0.31));
    }
}
