package dev.marquee.api.rest;

import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.funnel.InvalidFilterException;
import dev.marquee.domain.funnel.ItemFilter;
import dev.marquee.domain.funnel.RecommendationRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Set;

/** GET /v1/recommendations: the funnel of the user's A/B variant, with a reason per item and a signed tracking token. */
@Path("/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {
    private static final Set<String> CONTEXTS = Set.of("homepage", "up_next");

    @Inject
    Recommender recommender;

    @Inject
    MarqueeConfig config;

    @GET
    public RecommendationsResponse recommend(@RestQuery("user_id") String userId, @RestQuery String limit,
                                             @RestQuery String context, @RestQuery String country,
                                             @RestQuery String device, @RestQuery String exclude,
                                             @RestQuery String filter) {
        RecommendationRequest request = new RecommendationRequest(
                QueryParams.id("user_id", userId),
                QueryParams.context(context, CONTEXTS),
                QueryParams.limit(limit, config.serving().defaultLimit(), config.serving().maxLimit()),
                QueryParams.country(country),
                QueryParams.device(device),
                QueryParams.exclude(exclude),
                filter(filter));
        return RecommendationsResponse.of(recommender.recommend(request));
    }

    private static ItemFilter filter(String expression) {
        try {
            return ItemFilter.parse(expression);
        } catch (InvalidFilterException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }
}
