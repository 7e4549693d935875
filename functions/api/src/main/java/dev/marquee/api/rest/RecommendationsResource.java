package dev.marquee.api.rest;

import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Set;

/** GET /v1/recommendations: the funnel of the user's A/B variant, a reason per item, a signed tracking token; cached briefly per user. */
@Path("/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {
    /** Says whether the body came from the response cache (hit) or was computed (miss). */
    public static final String CACHE_HEADER = "X-Marquee-Cache";
    private static final Set<String> CONTEXTS = Set.of("homepage", "up_next");
    private static final Set<String> PARAMS = Set.of("user_id", "limit", "context", "country", "device", "exclude", "filter");

    @Inject
    CachedRecommendations recommendations;

    @Inject
    MarqueeConfig config;

    @GET
    public Response recommend(@RestQuery("user_id") String userId, @RestQuery String limit,
                              @RestQuery String context, @RestQuery String country,
                              @RestQuery String device, @RestQuery String exclude, @RestQuery String filter,
                              @Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), PARAMS);
        RecommendationRequest request = new RecommendationRequest(
                QueryParams.id("user_id", userId),
                QueryParams.context(context, CONTEXTS),
                QueryParams.limit(limit, config.serving().defaultLimit(), config.serving().maxLimit()),
                QueryParams.country(country),
                QueryParams.device(device),
                QueryParams.exclude(exclude),
                QueryParams.filter(filter));
        CachedRecommendations.Answer answer = recommendations.recommend(request);
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON).header(CACHE_HEADER, answer.cacheHit() ? "hit" : "miss").build();
    }
}
