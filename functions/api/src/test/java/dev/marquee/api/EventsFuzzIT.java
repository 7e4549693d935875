package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.InMemoryEventStream;
import dev.marquee.domain.port.EventStream;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred malformed POST /v1/events bodies, generated from a seed: every one gets a 4xx with a JSON body
 * naming a field, and not one event reaches the stream.
 */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class EventsFuzzIT {
    private static final String VALID = "{\"user_id\":\"u1\",\"item_id\":\"i1\",\"event_type\":\"play\",\"progress_pct\":10,\"context\":{\"country\":\"US\"}}";

    @Inject
    ObjectMapper json;

    @Inject
    EventStream stream;

    @Test
    void everyMalformedRequestGetsAFieldLevel4xxAndNothingIsWritten() throws Exception {
        LambdaApi api = new LambdaApi(json);
        long before = ((InMemoryEventStream) stream).publishedCount();
        List<String> bodies = malformedBodies(new Random(20261121), 300);

        for (String body : bodies) {
            APIGatewayV2HTTPResponse response = api.postEvents(body);
            assertThat(response.getStatusCode()).as(body).isBetween(400, 499);
            JsonNode error = api.body(response);
            assertThat(error.path("field").asText()).as(body).isNotBlank();
            assertThat(error.path("error").asText()).as(body).isNotBlank();
        }

        assertThat(((InMemoryEventStream) stream).publishedCount()).isEqualTo(before);
    }

    /** Truncations, wrong types, bad values, unknown fields and junk, around one valid event. */
    static List<String> malformedBodies(Random rnd, int n) {
        String[][] mutations = {
                {"\"user_id\":\"u1\"", "\"user_id\":42"}, {"\"user_id\":\"u1\"", "\"user_id\":\"\""},
                {"\"user_id\":\"u1\"", "\"user_id\":\"bad id with spaces\""}, {"\"user_id\":\"u1\"", "\"userId\":\"u1\""},
                {"\"item_id\":\"i1\"", "\"item_id\":null"}, {"\"item_id\":\"i1\"", "\"item_id\":[\"i1\"]"},
                {"\"event_type\":\"play\"", "\"event_type\":\"watch\""}, {"\"event_type\":\"play\"", "\"event_type\":7"},
                {"\"progress_pct\":10", "\"progress_pct\":-1"}, {"\"progress_pct\":10", "\"progress_pct\":\"lots\""},
                {"\"country\":\"US\"", "\"country\":\"usa\""}, {"\"country\":\"US\"", "\"country\":1"},
                {"\"context\":{\"country\":\"US\"}", "\"context\":\"US\""},
                {"\"event_type\":\"play\"", "\"event_type\":\"rate\",\"timestamp\":\"2099-01-01T00:00:00Z\""},
        };
        String[] junk = {"", "null", "42", "\"text\"", "true", "[]", "{}", "[1,2]", "{\"events\":{}}", "{\"events\":[]}",
                "\u0000\u0001", "{\"user_id\":\"u1\"}}"};
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            switch (rnd.nextInt(4)) {
                case 0 -> out.add(VALID.substring(0, 1 + rnd.nextInt(VALID.length() - 2)));
                case 1 -> {
                    String body = VALID;
                    for (int j = 1 + rnd.nextInt(3); j > 0; j--) {
                        String[] m = mutations[rnd.nextInt(mutations.length)];
                        body = body.replace(m[0], m[1]);
                    }
                    if (!body.equals(VALID)) {
                        out.add(body);
                    }
                }
                case 2 -> out.add(junk[rnd.nextInt(junk.length)]);
                default -> out.add("{\"extra_" + rnd.nextInt(1000) + "\":1," + VALID.substring(1));
            }
        }
        return out;
    }
}
