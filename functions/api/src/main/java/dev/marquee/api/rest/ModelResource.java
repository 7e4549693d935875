package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.api.serving.ActiveModel;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GET /v1/model: the active model version, when it was activated, its offline metrics (from its bundle, as the publish
 * step recorded them) and the previous version (the rollback target). With the registry down, the version last read,
 * with {@code fallback: registry_unavailable}; a 503 only if none was ever read.
 */
@Path("/v1/model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelResponse(String modelVersion, Instant activatedAt, Map<String, Double> metrics,
                                String previousVersion, String fallback, String message) {
    }

    @Inject
    ActiveModel model;

    @Inject
    ModelRegistry registry;

    @GET
    public ModelResponse model(@Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), Set.of());
        ActiveModel.Lookup lookup = model.current();
        if (lookup.version().isEmpty()) {
            return new ModelResponse(null, null, null, null, lookup.stale() ? "registry_unavailable,no_model" : "no_model",
                    "no model version is active yet: recommendations are served from popularity until one is published");
        }
        ModelVersion active = lookup.version().get();
        String previous = null;
        boolean registryDown = lookup.stale();
        if (!registryDown) {
            try {
                previous = registry.previous().map(ModelVersion::version).orElse(null);
            } catch (StoreUnavailableException e) {
                registryDown = true;
            }
        }
        return new ModelResponse(active.version(), active.activatedAt(), new TreeMap<>(active.metrics()), previous,
                registryDown ? "registry_unavailable" : null, null);
    }
}
