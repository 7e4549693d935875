package dev.marquee.domain.port;

import dev.marquee.domain.model.ModelVersion;

import java.util.Optional;

/**
 * Which model version serves. Switching is one conditional write, so readers see the old version or the new one,
 * never a mix; the previous version is kept for rollback.
 */
public interface ModelRegistry {

    Optional<ModelVersion> active();

    Optional<ModelVersion> previous();

    /**
     * Makes {@code next} active if the active version is still {@code expectedCurrent} (null: none active yet).
     * Returns false, changing nothing, when another writer got there first.
     */
    boolean activate(ModelVersion next, String expectedCurrent);
}
