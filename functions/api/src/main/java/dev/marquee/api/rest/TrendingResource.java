package dev.marquee.api.rest;

import dev.marquee.api.serving.ServingMetrics;
import dev.marquee.api.serving.Trending;
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

/** GET /v1/trending: trending now in a country (or everywhere), from the real-time features. */
@Path("/v1/trending")
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {
    private static final Set<String> PARAMS = Set.of("country", "limit");

    @Inject
    Trending trending;

    @Inject
    MarqueeConfig config;

    @Inject
    ServingMetrics metrics;

    @GET
    public ListResponse trending(@RestQuery String country, @RestQuery String limit, @Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), PARAMS);
        String c = QueryParams.country(country);
        int n = QueryParams.limit(limit, config.serving().defaultLimit(), config.serving().maxLimit());
        var served = trending.trending(c, n);
        metrics.served("trending", served.fallback(), null);
        return ListResponse.of(served, null, null, c, null);
    }
}
