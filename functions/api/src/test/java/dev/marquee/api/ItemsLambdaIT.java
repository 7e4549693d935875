package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog API as API Gateway delivers it, through the Lambda poll loop, on the embedded backends. */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class ItemsLambdaIT {

    @Inject
    ObjectMapper json;

    @Inject
    ItemCatalog catalog;

    @Inject
    LakeFiles lake;

    private LambdaApi api;

    @BeforeEach
    void client() {
        api = new LambdaApi(json);
    }

    @Test
    void aPutStoresTheItemAndAnswersItInSnakeCase() throws Exception {
        APIGatewayV2HTTPResponse response = api.sample("apigateway/put-item.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = api.body(response);
        assertThat(body.get("item_id").asText()).isEqualTo("i-9001");
        assertThat(body.get("content_type").asText()).isEqualTo("movie");
        assertThat(body.get("released_at").asText()).isEqualTo("2026-10-30T00:00:00Z");
        assertThat(body.get("available_countries")).extracting(JsonNode::asText).containsExactly("GB", "IE", "US");
        assertThat(body.get("attributes").get("runtime_min").asText()).isEqualTo("128");
        assertThat(catalog.get("i-9001")).contains(new Item("i-9001", "The Long Night", List.of("drama", "thriller"),
                List.of("Ana Silva", "Tom Berg", "slow-burn"), "movie", Instant.parse("2026-10-30T00:00:00Z"),
                Set.of("GB", "IE", "US"), Map.of("studio", "Northlight", "runtime_min", "128", "age_rating", "15")));
    }

    @Test
    void aGetReturnsTheStoredItem() throws Exception {
        api.request("PUT", "/v1/items/i-get-1", "{\"title\":\"Short\",\"genres\":[\"comedy\"]}");

        APIGatewayV2HTTPResponse response = api.request("GET", "/v1/items/i-get-1", null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = api.body(response);
        assertThat(body.get("title").asText()).isEqualTo("Short");
        assertThat(body.get("available_countries")).isEmpty();
        assertThat(body.has("released_at")).isFalse();
    }

    @Test
    void anUnknownItemIsA404Json() throws Exception {
        APIGatewayV2HTTPResponse response = api.request("GET", "/v1/items/i-never-stored", null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(api.body(response).get("error").asText()).isEqualTo("not_found");
        assertThat(api.body(response).get("field").asText()).isEqualTo("item_id");
    }

    @Test
    void invalidFieldsAreA400NamingEachOneAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse response = api.sample("apigateway/put-item-invalid.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_item");
        assertThat(body.get("field").asText()).isNotBlank();
        assertThat(body.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(
                "title", "genres", "content_type", "released_at", "available_countries[1]", "attributes.runtime_min");
        assertThat(catalog.get("i-9002")).isEmpty();
    }

    @Test
    void aBadIdInThePathIsA400NamingItemId() throws Exception {
        APIGatewayV2HTTPResponse put = api.request("PUT", "/v1/items/-bad", "{\"title\":\"T\"}");
        APIGatewayV2HTTPResponse get = api.request("GET", "/v1/items/-bad", null);

        assertThat(put.getStatusCode()).isEqualTo(400);
        assertThat(api.body(put).get("field").asText()).isEqualTo("item_id");
        assertThat(get.getStatusCode()).isEqualTo(400);
        assertThat(api.body(get).get("field").asText()).isEqualTo("item_id");
    }

    @Test
    void malformedJsonIsA400NamingTheBody() throws Exception {
        APIGatewayV2HTTPResponse response = api.request("PUT", "/v1/items/i-broken", "{\"title\":");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(api.body(response).get("field").asText()).isEqualTo("body");
        assertThat(catalog.get("i-broken")).isEmpty();
    }

    @Test
    void anImportWritesTheGoodLinesAndReportsTheBadOnesByLineAndField() throws Exception {
        lake.put("catalog/2026-11-21-new-titles.jsonl", String.join("\n",
                "{\"item_id\":\"imp-1\",\"title\":\"One\",\"genres\":[\"drama\"],\"available_countries\":[\"US\"]}",
                "{\"item_id\":\"imp-2\",\"title\":\"Two\",\"released_at\":\"next week\"}",
                "",
                "not json at all",
                "{\"item_id\":\"imp-3\",\"title\":\"Three\",\"content_type\":\"series\"}",
                "{\"item_id\":\"imp-1\",\"title\":\"One again\"}",
                "{\"title\":\"No id\",\"attributes\":{\"k\":1}}",
                "{\"item_id\":\"imp-4\",\"title\":\"Four\"}") .getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = api.sample("apigateway/import-items.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = api.body(response);
        assertThat(body.get("lines").asInt()).isEqualTo(7);
        assertThat(body.get("imported").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").asInt()).isEqualTo(4);
        assertThat(body.get("errors_truncated").asBoolean()).isFalse();
        assertThat(body.get("errors")).extracting(e -> e.get("line").asInt() + ":" + e.get("field").asText())
                .containsExactly("2:released_at", "4:line", "6:item_id", "7:item_id", "7:attributes.k");
        assertThat(catalog.getAll(List.of("imp-1", "imp-2", "imp-3", "imp-4")).keySet()).containsExactlyInAnyOrder("imp-1", "imp-3", "imp-4");
        assertThat(catalog.get("imp-1").orElseThrow().title()).isEqualTo("One");
    }

    @Test
    void aGzipImportIsReadToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"item_id\":\"gz-1\",\"title\":\"Zipped\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        lake.put("catalog/zipped.jsonl.gz", bytes.toByteArray());

        APIGatewayV2HTTPResponse response = api.request("POST", "/v1/items:import", "{\"key\":\"catalog/zipped.jsonl.gz\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(api.body(response).get("imported").asInt()).isEqualTo(1);
        assertThat(catalog.get("gz-1")).isPresent();
    }

    @Test
    void anImportOfAMissingObjectIsA404NamingTheKey() throws Exception {
        APIGatewayV2HTTPResponse response = api.request("POST", "/v1/items:import", "{\"key\":\"catalog/absent.jsonl\"}");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(api.body(response).get("field").asText()).isEqualTo("key");
    }

    @Test
    void anImportKeyOutsideTheCatalogFolderIsRefused() throws Exception {
        for (String key : List.of("deletions/dt=2026-11-21/x.jsonl", "catalog/../events/x.jsonl", "catalog/items.csv")) {
            APIGatewayV2HTTPResponse response = api.request("POST", "/v1/items:import", "{\"key\":\"" + key + "\"}");

            assertThat(response.getStatusCode()).as(key).isEqualTo(400);
            assertThat(api.body(response).get("field").asText()).as(key).isEqualTo("key");
        }
    }
}
