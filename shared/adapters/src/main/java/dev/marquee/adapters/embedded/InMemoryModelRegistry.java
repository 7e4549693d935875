package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;

import java.util.Objects;
import java.util.Optional;

/** The registry in memory; the switch is a compare-and-set under a lock, like DynamoDB's conditional write. */
public final class InMemoryModelRegistry implements ModelRegistry {
    private ModelVersion active;
    private ModelVersion previous;

    @Override
    public synchronized Optional<ModelVersion> active() {
        return Optional.ofNullable(active);
    }

    @Override
    public synchronized Optional<ModelVersion> previous() {
        return Optional.ofNullable(previous);
    }

    @Override
    public synchronized boolean activate(ModelVersion next, String expectedCurrent) {
        String current = active == null ? null : active.version();
        if (!Objects.equals(current, expectedCurrent)) {
            return false;
        }
        previous = active;
        active = next;
        return true;
    }
}
