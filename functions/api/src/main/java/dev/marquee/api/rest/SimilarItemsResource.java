package dev.marquee.api.rest;

import dev.marquee.api.serving.ServingMetrics;
import dev.marquee.api.serving.SimilarItems;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Set;

/** GET /v1/items/{item_id}/similar: item-to-item neighbours, without the user's seen items when a user is given. */
@Path("/v1/items/{item_id}/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarItemsResource {
    private static final Set<String> PARAMS = Set.of("limit", "user_id");

    @Inject
    SimilarItems similar;

    @Inject
    MarqueeConfig config;

    @Inject
    ServingMetrics metrics;

    @GET
    public Response similar(@PathParam("item_id") String itemId, @RestQuery String limit, @RestQuery("user_id") String userId,
                            @Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), PARAMS);
        String item = QueryParams.id("item_id", itemId);
        String user = QueryParams.optionalId("user_id", userId);
        int n = QueryParams.limit(limit, config.serving().defaultLimit(), config.serving().maxLimit());
        return similar.similar(item, user, n)
                .map(list -> {
                    metrics.served("similar", list.fallback(), null);
                    return Response.ok(ListResponse.of(list, item, user, null, null)).build();
                })
                .orElseGet(() -> ErrorBodies.notFound("item_id", "no item " + item + " in the catalog or the model"));
    }
}
