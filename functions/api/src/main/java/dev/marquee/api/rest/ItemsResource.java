package dev.marquee.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.port.ItemCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * PUT and GET /v1/items/{item_id}: one catalog item, replaced whole. A bad field is a 400 naming it and nothing is
 * written; a catalog outage is a 503 naming the store (through {@link ErrorMappers}), never a 404.
 */
@Path("/v1/items/{item_id}")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {
    private static final String INVALID = "invalid_item";
    private final ItemValidator validator = new ItemValidator();

    @Inject
    ObjectMapper json;

    @Inject
    ItemCatalog catalog;

    @PUT
    public ItemJson put(@PathParam("item_id") String itemId, byte[] body) {
        ItemValidator.Result r = validator.validate(itemId, JsonBodies.object(json, body, INVALID));
        if (!r.valid()) {
            throw new InvalidFieldsException(INVALID, r.errors());
        }
        catalog.put(r.item());
        return ItemJson.of(r.item());
    }

    @GET
    public Response get(@PathParam("item_id") String itemId) {
        String id = QueryParams.id("item_id", itemId);
        return catalog.get(id)
                .map(item -> Response.ok(ItemJson.of(item)).build())
                .orElseGet(() -> ErrorBodies.notFound("item_id", "no item " + id + " in the catalog"));
    }
}
