package dev.marquee.api.serving;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The active model version as the list endpoints and the response cache see it: read from the registry at most once
 * per refresh interval (a version switch shows within it), and when the registry is down, the last version read,
 * marked stale, so an outage does not take the model with it.
 */
public final class ActiveModel {
    /** The version read (empty: none is active), and whether it is a remembered one because the registry is down. */
    public record Lookup(Optional<ModelVersion> version, boolean stale) {
        public String versionId() {
            return version.map(ModelVersion::version).orElse(null);
        }
    }

    private record Read(Optional<ModelVersion> version, Instant at) {
    }

    private final ModelRegistry registry;
    private final Clock clock;
    private final Duration refresh;
    private volatile Read last;

    public ActiveModel(ModelRegistry registry, Clock clock, Duration refresh) {
        this.registry = registry;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** @throws StoreUnavailableException when the registry is down and no version was ever read */
    public Lookup current() {
        Read seen = last;
        Instant now = clock.instant();
        if (seen != null && now.isBefore(seen.at().plus(refresh))) {
            return new Lookup(seen.version(), false);
        }
        try {
            Read fresh = new Read(registry.active(), now);
            last = fresh;
            return new Lookup(fresh.version(), false);
        } catch (StoreUnavailableException e) {
            if (seen == null) {
                throw e;
            }
            return new Lookup(seen.version(), true);
        }
    }

    /** The version id, or null when none is active or none can be read; an unreadable registry is recorded. */
    String versionOrNull(Degradation degradation) {
        Lookup lookup = degradation.attempt(this::current, "registry");
        if (lookup == null) {
            // slower than the read budget (or down before any read): the version last read still serves
            Read seen = last;
            if (seen == null) {
                return null;
            }
            lookup = new Lookup(seen.version(), false);
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
