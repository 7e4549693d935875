package dev.marquee.api.serving;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;

import java.util.Optional;

/**
 * The active model version as the list endpoints and the response cache see it: the registry's answer (the api's
 * registry is already read through {@code CachedModelRegistry}, so a switch shows within its refresh interval), and
 * when the registry is down, the last version read, marked stale, so an outage does not take the model with it.
 */
public final class ActiveModel {
    /** The version read (empty: none is active), and whether it is a remembered one because the registry is down. */
    public record Lookup(Optional<ModelVersion> version, boolean stale) {
        public String versionId() {
            return version.map(ModelVersion::version).orElse(null);
        }
    }

    private final ModelRegistry registry;
    /** The last answer the registry gave: what serves while it is down. */
    private volatile Optional<ModelVersion> last;

    public ActiveModel(ModelRegistry registry) {
        this.registry = registry;
    }

    /** @throws StoreUnavailableException when the registry is down and no version was ever read */
    public Lookup current() {
        try {
            Optional<ModelVersion> read = registry.active();
            last = read;
            return new Lookup(read, false);
        } catch (StoreUnavailableException e) {
            Optional<ModelVersion> seen = last;
            if (seen == null) {
                throw e;
            }
            return new Lookup(seen, true);
        }
    }

    /** The version id, or null when none is active or none can be read; an unreadable registry is recorded. */
    String versionOrNull(Degradation degradation) {
        Lookup lookup = degradation.attempt(this::current, "registry");
        if (lookup == null) {
            // slower than the read budget (or down before any read): the version last read still serves
            Optional<ModelVersion> seen = last;
            if (seen == null) {
                return null;
            }
            lookup = new Lookup(seen, false);
        }
        if (lookup.stale()) {
            degradation.add("registry_unavailable");
        }
        if (lookup.version().isEmpty()) {
            degradation.add("no_model");
        }
        return lookup.versionId();
    }
}
