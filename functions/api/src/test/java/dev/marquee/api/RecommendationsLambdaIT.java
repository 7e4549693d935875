package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api as Lambda runs it: API Gateway HTTP API events from events-samples/ go through the Lambda Runtime
 * API (a loopback stub) into the function's own poll loop, on the embedded backends seeded with the synthetic world.
 */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class RecommendationsLambdaIT {

    @Inject
    ObjectMapper json;

    private APIGatewayV2HTTPResponse invoke(String sample) throws Exception {
        String response = LambdaRuntimeResource.runtime.invoke(EventSamples.read(sample), Duration.ofSeconds(20));
        return json.readValue(response, APIGatewayV2HTTPResponse.class);
    }

    @Test
    void answersAGatewayEventWithExplainedItemsAVariantAndATrackingToken() throws Exception {
        APIGatewayV2HTTPResponse response = invoke("apigateway/get-recommendations.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("user_id").asText()).isEqualTo("u1");
        assertThat(body.get("items")).hasSize(5);
        // the seed model has segment popularity only: popular, trending and new-release candidates, blended
        assertThat(body.get("items")).allSatisfy(item -> {
            assertThat(item.get("reason").asText()).isIn("popular_with_similar_users", "trending_in_country", "new_release",
                    "exploration");
            assertThat(item.get("source").asText()).isIn("popular_in_segment", "trending", "new_releases");
        });
        assertThat(body.get("variant").asText()).isEqualTo("default");
        assertThat(body.get("tracking_token").asText()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(body.get("model_version").asText()).startsWith("seed-");
        assertThat(body.has("fallback")).isFalse();
    }

    @Test
    void aLimitOutOfRangeGetsA400NamingTheField() throws Exception {
        APIGatewayV2HTTPResponse response = invoke("apigateway/get-recommendations-invalid.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(body.get("field").asText()).isEqualTo("limit");
        assertThat(body.get("message").asText()).contains("between 1 and 100");
    }
}
