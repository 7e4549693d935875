package dev.marquee.api.health;

import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready when every store the read path uses answers (one cheap read each) and a model version is active; the data names
 * each store's state, so an operator sees which one is down. The api still answers while not ready, degraded (the
 * response names the fallback): readiness is for routing and alarms, not a kill switch.
 */
@Readiness
@ApplicationScoped
public class StoresReadiness implements HealthCheck {
    private static final String PROBE = "readiness-probe";

    @Inject
    ModelRegistry registry;

    @Inject
    ItemCatalog catalog;

    @Inject
    FeatureStore features;

    @Inject
    ResponseCache cache;

    @Override
    public HealthCheckResponse call() {
        Map<String, String> states = new LinkedHashMap<>();
        String[] version = {null};
        probe(states, "registry", () -> version[0] = registry.active().map(v -> v.version()).orElse(null));
        probe(states, "catalog", () -> catalog.get(PROBE));
        probe(states, "features", () -> features.seen(PROBE));
        probe(states, "response_cache", () -> cache.get(PROBE, PROBE));
        boolean storesUp = states.values().stream().allMatch("up"::equals);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("stores").status(storesUp && version[0] != null);
        states.forEach(response::withData);
        response.withData("model_version", version[0] == null ? (states.get("registry").equals("up") ? "none" : "unknown") : version[0]);
        return response.build();
    }

    private static void probe(Map<String, String> states, String store, Runnable call) {
        try {
            call.run();
            states.put(store, "up");
        } catch (StoreUnavailableException e) {
            states.put(store, "down");
        }
    }
}
