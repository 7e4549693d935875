package dev.marquee.api.rest;

import dev.marquee.api.serving.Popular;
import dev.marquee.api.serving.ServingMetrics;
import dev.marquee.domain.model.Segment;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Set;

/** GET /v1/popular: the active model's popularity in a segment (COUNTRY|DEVICE), topped up from broader segments. */
@Path("/v1/popular")
@Produces(MediaType.APPLICATION_JSON)
public class PopularResource {
    private static final Set<String> PARAMS = Set.of("segment", "limit");

    @Inject
    Popular popular;

    @Inject
    MarqueeConfig config;

    @Inject
    ServingMetrics metrics;

    @GET
    public ListResponse popular(@RestQuery String segment, @RestQuery String limit, @Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), PARAMS);
        Segment s = QueryParams.segment(segment);
        int n = QueryParams.limit(limit, config.serving().defaultLimit(), config.serving().maxLimit());
        var served = popular.popular(s, n);
        metrics.served("popular", served.fallback(), null);
        return ListResponse.of(served, null, null, null, s.key());
    }
}
