package dev.marquee.api.serving;

import dev.marquee.runtime.metrics.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One EMF line per answer of the read endpoints: how many were served, how many degraded (a fallback named in the
 * response), and for recommendations how many per A/B variant, so an outage shows on the dashboard as degraded answers
 * rather than as errors (there are none) and online metrics can be split by variant.
 */
@ApplicationScoped
public class ServingMetrics {
    @Inject
    EmfMetrics emf;

    public void served(String endpoint, String fallback, String variant) {
        emf.emit("api", values(endpoint, fallback, variant));
    }

    /** {@code <Endpoint>Served}, {@code <Endpoint>Degraded}, and {@code RecommendationsVariant_<variant>} when given. */
    static Map<String, Integer> values(String endpoint, String fallback, String variant) {
        String name = Character.toUpperCase(endpoint.charAt(0)) + endpoint.substring(1);
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put(name + "Served", 1);
        values.put(name + "Degraded", fallback == null || fallback.isEmpty() ? 0 : 1);
        if (variant != null) {
            values.put(name + "Variant_" + variant, 1);
        }
        return values;
    }
}
