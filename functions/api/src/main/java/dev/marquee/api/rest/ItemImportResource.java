package dev.marquee.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/items:import {"key":"catalog/<file>.jsonl"}: bulk-loads a JSON-lines file the operator put in the lake
 * (one item per line, the PUT /v1/items body plus its item_id). Valid lines are written, invalid ones reported by
 * line and field; the answer is 200 with the counts even when some lines were refused.
 */
@Path("/v1/items:import")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ItemImportResource {
    static final String PREFIX = "catalog/";

    @Inject
    ObjectMapper json;

    @Inject
    LakeFiles lake;

    @Inject
    ItemCatalog catalog;

    /** The 503 of an import a store interrupted: how far it got, and that running it again is safe. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ImportInterrupted(String error, String store, String message, int line, int imported) {
    }

    @POST
    public Response importItems(byte[] body) {
        String key = key(JsonBodies.object(json, body, "invalid_request"));
        Optional<InputStream> object = lake.open(key);
        if (object.isEmpty()) {
            return ErrorBodies.notFound("key", "no object " + key + " in the lake");
        }
        try {
            CatalogImport.Report report = new CatalogImport(json, new ItemValidator(), catalog).run(key, object.get());
            return Response.ok(report).build();
        } catch (CatalogImport.Interrupted e) {
            return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "5")
                    .entity(new ImportInterrupted("store_unavailable", e.store, "the import stopped at line " + e.line + " because the "
                            + e.store + " store is unavailable; " + e.imported + " items were written before it. "
                            + "Importing writes items by item_id, so run the whole import again.", e.line, e.imported)).build();
        }
    }

    private static String key(Map<String, Object> fields) {
        for (String name : fields.keySet()) {
            if (!name.equals("key")) {
                throw new InvalidRequestException(name, "is not a known field (the body is {\"key\":\"catalog/<file>.jsonl\"})");
            }
        }
        if (!(fields.get("key") instanceof String key) || key.isBlank()) {
            throw new InvalidRequestException("key", "is required: the lake key of a JSON-lines file under catalog/");
        }
        try {
            LakeFiles.requireKey(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("key", e.getMessage());
        }
        if (!key.startsWith(PREFIX) || !(key.endsWith(".jsonl") || key.endsWith(".jsonl.gz"))) {
            throw new InvalidRequestException("key", "must name a .jsonl or .jsonl.gz file under " + PREFIX);
        }
        return key;
    }
}
