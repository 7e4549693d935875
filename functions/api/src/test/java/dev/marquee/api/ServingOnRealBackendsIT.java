package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.tracking.TrackingTokens;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read endpoint through the Lambda poll loop on the real local backends ({@link RealBackends}): the full answers,
 * input validation, the response cache and its invalidation by a new event, then each fallback with its backend really
 * down: Redis stopped, Redis frozen, no model active, DynamoDB stopped (last: it does not come back).
 */
@QuarkusTest
@QuarkusTestResource(value = RealBackends.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingOnRealBackendsIT {
    private static final int OUTAGES = Order.DEFAULT + 1;

    @Inject
    ObjectMapper json;

    @Inject
    IngestPipeline ingest;

    @Inject
    FeatureStore features;

    @Inject
    TrackingTokens tokens;

    private static boolean featuresSeeded;
    private LambdaApi api;

    @BeforeEach
    void client() {
        api = new LambdaApi(json);
        if (!featuresSeeded) {
            RealBackends.seedFeatures(features);
            featuresSeeded = true;
        }
    }

    private JsonNode ok(String pathAndQuery) throws Exception {
        APIGatewayV2HTTPResponse response = api.get(pathAndQuery);
        assertThat(response.getStatusCode()).as(pathAndQuery + " -> " + response.getBody()).isEqualTo(200);
        return api.body(response);
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("items").forEach(i -> ids.add(i.get("item_id").asText()));
        return ids;
    }

    private static String cacheHeader(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Marquee-Cache"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void recommendationsComeFromTheModelWithoutAFallback() throws Exception {
        JsonNode body = ok("/v1/recommendations?user_id=u1&limit=5");

        // the blend leads with each generator's best: the user's top precomputed CF candidate comes first
        assertThat(ids(body)).startsWith("i10").hasSize(5);
        assertThat(body.get("model_version").asText()).isEqualTo(RealBackends.VERSION);
        assertThat(body.has("fallback")).isFalse();
    }

    @Test
    void aRepeatedRequestIsServedFromTheCacheAndOtherParametersAreNot() throws Exception {
        APIGatewayV2HTTPResponse first = api.get("/v1/recommendations?user_id=u4&limit=4");
        APIGatewayV2HTTPResponse second = api.get("/v1/recommendations?user_id=u4&limit=4");
        APIGatewayV2HTTPResponse other = api.get("/v1/recommendations?user_id=u4&limit=3");

        assertThat(cacheHeader(first)).isEqualTo("miss");
        assertThat(cacheHeader(second)).as(first.getBody()).isEqualTo("hit");
        assertThat(api.body(second).get("items")).isEqualTo(api.body(first).get("items"));
        assertThat(cacheHeader(other)).isEqualTo("miss");
        assertThat(ids(api.body(other))).hasSize(3);
    }

    @Test
    void anAnswerFromTheCacheCarriesItsOwnTrackingTokenForTheSameVariantAndPositions() throws Exception {
        JsonNode first = ok("/v1/recommendations?user_id=u6&limit=4");
        APIGatewayV2HTTPResponse repeat = api.get("/v1/recommendations?user_id=u6&limit=4");
        JsonNode second = api.body(repeat);
        assertThat(ids(first)).as(first.toString()).hasSize(4);
        String third = ids(first).get(2);

        assertThat(cacheHeader(repeat)).as(second.toString()).isEqualTo("hit");
        TrackingTokens.Verified t1 = tokens.verify(first.get("tracking_token").asText(), "u6");
        TrackingTokens.Verified t2 = tokens.verify(second.get("tracking_token").asText(), "u6");
        assertThat(t1.ok()).isTrue();
        assertThat(t2.ok()).isTrue();
        assertThat(t2.token().requestId()).isNotEqualTo(t1.token().requestId());
        assertThat(t2.token().attributionFor(third)).usingRecursiveComparison().ignoringFields("requestId", "servedAt")
                .isEqualTo(t1.token().attributionFor(third));
        assertThat(t2.token().positionOf(third)).isEqualTo(3);
        assertThat(t2.token().modelVersion()).isEqualTo(RealBackends.VERSION);
    }

    @Test
    void aNewEventOfTheUserInvalidatesTheCacheAndTheNextAnswerReflectsIt() throws Exception {
        List<String> before = ids(ok("/v1/recommendations?user_id=u3&limit=5"));
        assertThat(cacheHeader(api.get("/v1/recommendations?user_id=u3&limit=5"))).isEqualTo("hit");
        String watched = before.getFirst();

        InteractionEvent play = new InteractionEvent(UUID.randomUUID().toString(), "u3", watched, EventType.PLAY,
                Instant.now(), null, null, null, new EventContext("tv", "DE", null, null));
        IngestPipeline.Outcome outcome = ingest.ingest(List.of(new IngestPipeline.Delivery(play.eventId(), play)));
        assertThat(outcome.failedRecordIds()).isEmpty();

        APIGatewayV2HTTPResponse after = api.get("/v1/recommendations?user_id=u3&limit=5");
        assertThat(cacheHeader(after)).isEqualTo("miss");
        assertThat(ids(api.body(after))).doesNotContain(watched).hasSize(5);
    }

    @Test
    void aFilterKeepsOnlyMatchingItems() throws Exception {
        JsonNode drama = ok("/v1/recommendations?user_id=u5&limit=4&filter=genre:Drama");
        JsonNode comedyMovies = ok("/v1/recommendations?user_id=u5&limit=4&filter=genre:comedy,content_type:movie");

        // which matching items lead depends on what is trending when the test runs; that every one matches does not
        assertThat(ids(drama)).hasSize(4).allSatisfy(id -> assertThat(number(id)).isBetween(21, 35));
        assertThat(ids(comedyMovies)).hasSize(4).allSatisfy(id -> assertThat(number(id)).isBetween(1, 20));
    }

    @Test
    void similarItemsAreTheModelsNeighboursWithoutWhatTheUserHasSeen() throws Exception {
        JsonNode anonymous = ok("/v1/items/i1/similar?limit=3");
        JsonNode forU2 = ok("/v1/items/i1/similar?limit=3&user_id=u2");

        assertThat(ids(anonymous)).containsExactly("i2", "i3", "i4");
        assertThat(anonymous.get("items").get(0).get("source").asText()).isEqualTo("similar_items");
        assertThat(anonymous.has("fallback")).isFalse();
        assertThat(ids(forU2)).containsExactly("i2", "i4", "i5");
    }

    @Test
    void aNewItemGetsNeighboursOfTheSameGenreAndSaysSo() throws Exception {
        JsonNode body = ok("/v1/items/i40/similar?limit=10");

        assertThat(ids(body)).containsExactly("i36", "i37", "i38", "i39");
        assertThat(body.get("fallback").asText()).isEqualTo("content_same_genre");
        assertThat(body.get("items").get(0).get("source").asText()).isEqualTo("content_same_genre");
    }

    @Test
    void anItemNobodyKnowsIsA404NamingTheItem() throws Exception {
        APIGatewayV2HTTPResponse response = api.get("/v1/items/nope/similar");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(api.body(response).get("field").asText()).isEqualTo("item_id");
    }

    @Test
    void trendingIsFromTheFeatureStoreAndACountryWithoutDataGetsTheBundlesPopularity() throws Exception {
        JsonNode us = ok("/v1/trending?country=US&limit=5");
        JsonNode everywhere = ok("/v1/trending?limit=5");
        JsonNode france = ok("/v1/trending?country=FR&limit=3");

        assertThat(ids(us)).containsExactly("i5", "i6");
        assertThat(us.get("items").get(0).get("reason").asText()).isEqualTo("trending_in_country");
        assertThat(us.has("fallback")).isFalse();
        assertThat(ids(everywhere)).contains("i7");
        assertThat(france.get("fallback").asText()).isEqualTo("no_trending_data,bundle_popularity");
        assertThat(ids(france)).containsExactly("i1", "i2", "i3");
    }

    @Test
    void popularInASegmentIsToppedUpFromBroaderSegments() throws Exception {
        JsonNode body = ok("/v1/popular?segment=US%7Ctv&limit=9");

        assertThat(ids(body)).containsExactly("i30", "i31", "i21", "i22", "i23", "i24", "i25", "i1", "i2");
        assertThat(body.get("items").get(0).get("segment").asText()).isEqualTo("US|tv");
        assertThat(body.get("items").get(2).get("segment").asText()).isEqualTo("US|*");
        assertThat(body.get("segment").asText()).isEqualTo("US|tv");
        assertThat(body.has("fallback")).isFalse();
    }

    @Test
    void theModelEndpointNamesTheActiveVersionAndItsMetrics() throws Exception {
        JsonNode body = ok("/v1/model");

        assertThat(body.get("model_version").asText()).isEqualTo(RealBackends.VERSION);
        assertThat(body.get("metrics").get("ials.ndcg@10").asDouble()).isEqualTo(0.12);
        assertThat(body.has("activated_at")).isTrue();
        assertThat(body.has("fallback")).isFalse();
    }

    @Test
    void readinessIsUpWithEveryStoreAndTheModelNamed() throws Exception {
        APIGatewayV2HTTPResponse ready = api.get("/q/health/ready");
        APIGatewayV2HTTPResponse live = api.get("/q/health/live");

        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
        JsonNode data = api.body(ready).get("checks").get(0).get("data");
        assertThat(data.get("registry").asText()).isEqualTo("up");
        assertThat(data.get("features").asText()).isEqualTo("up");
        assertThat(data.get("model_version").asText()).isEqualTo(RealBackends.VERSION);
        assertThat(live.getStatusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        APIGatewayV2HTTPResponse response = api.get("/q/openapi?format=json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode paths = api.body(response).get("paths");
        assertThat(paths.has("/v1/recommendations")).isTrue();
        assertThat(paths.has("/v1/items/{item_id}/similar")).isTrue();
        assertThat(paths.has("/v1/trending")).isTrue();
        assertThat(paths.has("/v1/popular")).isTrue();
        assertThat(paths.has("/v1/model")).isTrue();
        assertThat(paths.has("/v1/events")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/v1/recommendations?limit=5, user_id",
            "/v1/recommendations?user_id=bad%20id, user_id",
            "/v1/recommendations?user_id=u1&limit=0, limit",
            "/v1/recommendations?user_id=u1&limit=101, limit",
            "/v1/recommendations?user_id=u1&limit=ten, limit",
            "/v1/recommendations?user_id=u1&context=sidebar, context",
            "/v1/recommendations?user_id=u1&filter=mood:happy, filter",
            "/v1/recommendations?user_id=u1&filter=genre, filter",
            "/v1/recommendations?user_id=u1&country=usa, country",
            "/v1/recommendations?user_id=u1&exclude=ok%2Cbad%24id, exclude",
            "/v1/recommendations?user_id=u1&limt=5, limt",
            "/v1/items/bad%24id/similar, item_id",
            "/v1/items/i1/similar?limit=1000, limit",
            "/v1/items/i1/similar?user_id=%20x, user_id",
            "/v1/trending?country=us, country",
            "/v1/trending?limit=-1, limit",
            "/v1/popular?segment=US%7CTV, segment",
            "/v1/popular?segment=USA, segment",
            "/v1/popular?segment=US%7Ctv%7Cx, segment",
            "/v1/model?version=1, version",
    })
    void badInputIsA400NamingTheField(String pathAndQuery, String field) throws Exception {
        APIGatewayV2HTTPResponse response = api.get(pathAndQuery);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    @Order(OUTAGES)
    void withRedisStoppedEveryEndpointAnswersAndNamesTheFallback() throws Exception {
        RealBackends.redis.stop();
        try {
            JsonNode recommendations = ok("/v1/recommendations?user_id=u1&limit=5");
            JsonNode similar = ok("/v1/items/i1/similar?limit=3&user_id=u2");
            JsonNode trending = ok("/v1/trending?country=US&limit=3");
            APIGatewayV2HTTPResponse ready = api.get("/q/health/ready");

            assertThat(recommendations.get("fallback").asText()).contains("features_unavailable");
            assertThat(ids(recommendations)).startsWith("i10");
            assertThat(similar.get("fallback").asText()).isEqualTo("features_unavailable");
            assertThat(ids(similar)).containsExactly("i2", "i3", "i4");
            assertThat(trending.get("fallback").asText()).isEqualTo("features_unavailable,bundle_popularity");
            assertThat(ids(trending)).containsExactly("i21", "i22", "i23");
            assertThat(ready.getStatusCode()).isEqualTo(503);
            assertThat(api.body(ready).get("checks").get(0).get("data").get("features").asText()).isEqualTo("down");
        } finally {
            RealBackends.redis.restart();
        }
    }

    @Test
    @Order(OUTAGES + 1)
    void withRedisFrozenTrendingDegradesAfterTheTimeoutInsteadOfHanging() throws Exception {
        RealBackends.redis.pause();
        try {
            JsonNode trending = ok("/v1/trending?country=US&limit=3");

            // Redis's own timeout or the endpoint's read budget, whichever is shorter
            assertThat(trending.get("fallback").asText()).matches("features_(unavailable|timeout),bundle_popularity");
        } finally {
            RealBackends.redis.resume();
        }
    }

    @Test
    @Order(OUTAGES + 2)
    void withNoModelActiveTheInMemoryPopularityServesAndSaysSo() throws Exception {
        Map<String, AttributeValue> serving = Map.of("id", AttributeValue.fromS("serving"));
        Map<String, AttributeValue> saved = RealBackends.dynamoClient.getItem(b -> b.tableName(DynamoDbTables.MODELS).key(serving)).item();
        RealBackends.dynamoClient.deleteItem(b -> b.tableName(DynamoDbTables.MODELS).key(serving));
        try {
            JsonNode recommendations = ok("/v1/recommendations?user_id=u1&limit=5");
            JsonNode popular = ok("/v1/popular?limit=3");
            JsonNode similar = ok("/v1/items/i1/similar?limit=3");
            JsonNode model = ok("/v1/model");

            assertThat(recommendations.get("fallback").asText()).contains("static_popularity");
            assertThat(ids(recommendations)).hasSize(5);
            assertThat(popular.get("fallback").asText()).isEqualTo("no_model,static_popularity");
            assertThat(ids(popular)).containsExactly("i1", "i2", "i3");
            assertThat(similar.get("fallback").asText()).isEqualTo("no_model,static_popularity");
            assertThat(model.get("fallback").asText()).isEqualTo("no_model");
        } finally {
            RealBackends.dynamoClient.putItem(b -> b.tableName(DynamoDbTables.MODELS).item(saved));
        }
    }

    @Test
    @Order(OUTAGES + 3)
    void withDynamoDbStoppedEveryEndpointStillAnswersFromMemory() throws Exception {
        // read before the outage, so the api holds them in memory: the active version, i1's neighbours, the popular items
        // with their catalog entries (the pool for content neighbours), item i20
        ok("/v1/model");
        ok("/v1/items/i1/similar?limit=3");
        ok("/v1/items/i40/similar?limit=3");
        ok("/v1/items/i20");
        RealBackends.dynamo.close();

        JsonNode recommendations = ok("/v1/recommendations?user_id=u1&limit=5");
        JsonNode similarInMemory = ok("/v1/items/i1/similar?limit=3");
        JsonNode similarNotInMemory = ok("/v1/items/i20/similar?limit=3");
        JsonNode popular = ok("/v1/popular?segment=GB%7Cweb&limit=3");
        JsonNode model = ok("/v1/model");
        APIGatewayV2HTTPResponse ready = api.get("/q/health/ready");

        // the funnel names the registry as timed out (its stage budget) or unavailable, whichever the SDK hits first
        assertThat(recommendations.get("fallback").asText()).containsPattern("registry_(timeout|unavailable)").contains("static_popularity");
        assertThat(ids(recommendations)).hasSize(5);
        assertThat(similarInMemory.get("fallback").asText()).matches("registry_(timeout|unavailable)");
        assertThat(ids(similarInMemory)).containsExactly("i2", "i3", "i4");
        assertThat(similarNotInMemory.get("fallback").asText())
                .matches("registry_(timeout|unavailable),candidates_(timeout|unavailable),content_same_genre");
        assertThat(ids(similarNotInMemory)).containsExactly("i1", "i2", "i3");
        assertThat(popular.get("fallback").asText())
                .matches("registry_(timeout|unavailable),candidates_(timeout|unavailable),static_popularity");
        assertThat(model.get("model_version").asText()).isEqualTo(RealBackends.VERSION);
        assertThat(model.get("fallback").asText()).isEqualTo("registry_unavailable");
        assertThat(ready.getStatusCode()).isEqualTo(503);
    }

    /** The number of a fixture item id (i1..i40: see {@link RealBackends} for the genres). */
    private static int number(String itemId) {
        return Integer.parseInt(itemId.substring(1));
    }
}
