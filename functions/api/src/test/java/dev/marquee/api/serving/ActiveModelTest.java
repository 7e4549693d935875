package dev.marquee.api.serving;

import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private ActiveModel at(Instant now) {
        return new ActiveModel(registry, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    @Test
    void aSwitchShowsOnceTheRefreshIntervalHasPassed() {
        store.activate(new ModelVersion("v1", t0, Map.of()), null);
        Clock[] clock = {Clock.fixed(t0, ZoneOffset.UTC)};
        ActiveModel model = new ActiveModel(registry, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        }, Duration.ofSeconds(5));
        assertThat(model.current().versionId()).isEqualTo("v1");

        store.activate(new ModelVersion("v2", t0, Map.of()), "v1");
        clock[0] = Clock.fixed(t0.plusSeconds(4), ZoneOffset.UTC);
        assertThat(model.current().versionId()).isEqualTo("v1");
        clock[0] = Clock.fixed(t0.plusSeconds(5), ZoneOffset.UTC);
        assertThat(model.current().versionId()).isEqualTo("v2");
    }

    @Test
    void withTheRegistryDownTheLastVersionReadServesMarkedStale() {
        store.activate(new ModelVersion("v1", t0, Map.of()), null);
        ActiveModel model = new ActiveModel(registry, Clock.fixed(t0, ZoneOffset.UTC), Duration.ZERO);
        model.current();
        down.set(true);

        ActiveModel.Lookup lookup = model.current();

        assertThat(lookup.versionId()).isEqualTo("v1");
        assertThat(lookup.stale()).isTrue();
    }

    @Test
    void withTheRegistryDownAndNothingReadYetTheOutageIsReported() {
        down.set(true);

        assertThatThrownBy(() -> at(t0).current()).isInstanceOf(StoreUnavailableException.class);
    }
}
