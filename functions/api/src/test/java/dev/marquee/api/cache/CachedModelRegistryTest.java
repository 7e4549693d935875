package dev.marquee.api.cache;

import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.domain.model.ModelVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CachedModelRegistryTest {
    private final Instant t0 = Instant.parse("2026-11-21T00:00:00Z");
    private final InMemoryModelRegistry store = new InMemoryModelRegistry();
    private final SettableClock clock = new SettableClock();
    private final CachedModelRegistry registry = new CachedModelRegistry(store, clock, Duration.ofSeconds(5));

    private String active() {
        return registry.active().map(ModelVersion::version).orElse(null);
    }

    @Test
    void aSwitchShowsOnceTheRefreshIntervalHasPassed() {
        store.activate(new ModelVersion("v1", t0, Map.of()), null);
        assertThat(active()).isEqualTo("v1");

        store.activate(new ModelVersion("v2", t0, Map.of()), "v1");
        clock.advance(Duration.ofSeconds(4));
        assertThat(active()).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(active()).isEqualTo("v2");
    }

    @Test
    void aSwitchThroughThisInstanceShowsAtOnce() {
        registry.activate(new ModelVersion("v1", t0, Map.of()), null);
        assertThat(active()).isEqualTo("v1");

        registry.activate(new ModelVersion("v2", t0, Map.of()), "v1");
        assertThat(active()).isEqualTo("v2");
    }
}
