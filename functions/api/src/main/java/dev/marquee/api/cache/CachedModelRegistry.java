package dev.marquee.api.cache;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The active version read at most once per refresh interval (every request asks for it); a switch shows within the
 * interval. Failures are not cached: once the interval is over, an outage is reported as it happens.
 */
public final class CachedModelRegistry implements ModelRegistry {
    private record Read(Optional<ModelVersion> active, long atMillis) {
    }

    private final ModelRegistry registry;
    private final Clock clock;
    private final long refreshMillis;
    private volatile Read last;

    public CachedModelRegistry(ModelRegistry registry, Clock clock, Duration refresh) {
        this.registry = registry;
        this.clock = clock;
        this.refreshMillis = refresh.toMillis();
    }

    @Override
    public Optional<ModelVersion> active() {
        Read read = last;
        long now = clock.millis();
        if (read != null && now - read.atMillis() < refreshMillis) {
            return read.active();
        }
        Optional<ModelVersion> active = registry.active();
        last = new Read(active, now);
        return active;
    }

    @Override
    public Optional<ModelVersion> previous() {
        return registry.previous();
    }

    @Override
    public boolean activate(ModelVersion next, String expectedCurrent) {
        boolean switched = registry.activate(next, expectedCurrent);
        last = null;
        return switched;
    }
}
