package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel behind the api as Lambda runs it: filter expressions (and a 400 for an unknown field), the variant and
 * signed tracking token of every answer, and POST /v1/events taking the token back (refusing it altered or cited by
 * another user).
 */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class FunnelServingLambdaIT {

    @Inject
    ObjectMapper json;

    @Inject
    ItemCatalog catalog;

    private APIGatewayV2HTTPResponse invoke(ObjectNode event) throws Exception {
        String response = LambdaRuntimeResource.runtime.invoke(json.writeValueAsString(event), Duration.ofSeconds(20));
        return json.readValue(response, APIGatewayV2HTTPResponse.class);
    }

    private ObjectNode recommendations(Map<String, String> query) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(EventSamples.read("apigateway/get-recommendations.json"));
        StringBuilder raw = new StringBuilder();
        ObjectNode params = event.putObject("queryStringParameters");
        query.forEach((k, v) -> {
            raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            params.put(k, v);
        });
        event.put("rawQueryString", raw.toString());
        return event;
    }

    private ObjectNode postEvent(String user, String item, String token) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(EventSamples.read("apigateway/post-event.json"));
        ObjectNode body = json.createObjectNode();
        body.put("event_id", UUID.randomUUID().toString());
        body.put("user_id", user);
        body.put("item_id", item);
        body.put("event_type", "click");
        body.put("tracking_token", token);
        event.put("body", json.writeValueAsString(body));
        ((ObjectNode) event.get("headers")).remove("content-length");
        return event;
    }

    private static Map<String, String> query(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aFilterExpressionKeepsOnlyMatchingItems() throws Exception {
        APIGatewayV2HTTPResponse response = invoke(recommendations(query("user_id", "u2", "limit", "10", "filter", "genre:comedy")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = json.readTree(response.getBody()).get("items");
        assertThat(items).isNotEmpty();
        for (JsonNode item : items) {
            Item entry = catalog.get(item.get("item_id").asText()).orElseThrow();
            assertThat(entry.genres()).contains("comedy");
        }
    }

    @Test
    void anUnknownFilterFieldIsA400NamingTheFilter() throws Exception {
        APIGatewayV2HTTPResponse response = invoke(recommendations(query("user_id", "u2", "filter", "colour:blue")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("field").asText()).isEqualTo("filter");
        assertThat(body.get("message").asText()).contains("unknown field 'colour'");
    }

    @Test
    void theTrackingTokenComesBackWithAnEventAndAnAlteredOneIsRefused() throws Exception {
        APIGatewayV2HTTPResponse served = invoke(recommendations(query("user_id", "u3", "limit", "5")));
        JsonNode body = json.readTree(served.getBody());
        assertThat(body.get("variant").asText()).isEqualTo("default");
        String token = body.get("tracking_token").asText();
        String second = body.get("items").get(1).get("item_id").asText();

        APIGatewayV2HTTPResponse accepted = invoke(postEvent("u3", second, token));
        assertThat(accepted.getStatusCode()).isEqualTo(202);

        String altered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        APIGatewayV2HTTPResponse refused = invoke(postEvent("u3", second, altered));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("tracking_token");

        APIGatewayV2HTTPResponse otherUser = invoke(postEvent("u4", second, token));
        assertThat(otherUser.getStatusCode()).isEqualTo(400);
        assertThat(otherUser.getBody()).contains("another user");
    }
}
