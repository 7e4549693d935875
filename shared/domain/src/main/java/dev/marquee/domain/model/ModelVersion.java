package dev.marquee.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A model version as the registry knows it: id, when it was activated, and its headline metrics. */
public record ModelVersion(String version, Instant activatedAt, Map<String, Double> metrics) {
    public ModelVersion {
        Objects.requireNonNull(version, "version");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
