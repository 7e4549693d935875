package dev.marquee.api.serving;

import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActiveModelTest {
    private final Instant t0 = Instant.parse("2026-11-21T00:00:00Z");
    private final InMemoryModelRegistry store = new InMemoryModelRegistry();
    private final AtomicBoolean down = new AtomicBoolean();
    private final ModelRegistry registry = new ModelRegistry() {
        @Override
        public Optional<ModelVersion> active() {
            if (down.get()) {
                throw new StoreUnavailableException("registry", "down", null);
            }
            return store.active();
        }

        @Override
        public Optional<ModelVersion> previous() {
            return store.previous();
        }

        @Override
        public boolean activate(ModelVersion next, String expectedCurrent) {
            return store.activate(next, expectedCurrent);
        }
    };

    @Test
    void withTheRegistryDownTheLastVersionReadServesMarkedStale() {
        store.activate(new ModelVersion("v1", t0, Map.of()), null);
        ActiveModel model = new ActiveModel(registry);
        model.current();
        down.set(true);

        ActiveModel.Lookup lookup = model.current();

        assertThat(lookup.versionId()).isEqualTo("v1");
        assertThat(lookup.stale()).isTrue();
    }

    @Test
    void withTheRegistryDownAndNothingReadYetTheOutageIsReported() {
        down.set(true);

        assertThatThrownBy(() -> new ActiveModel(registry).current()).isInstanceOf(StoreUnavailableException.class);
    }
}
