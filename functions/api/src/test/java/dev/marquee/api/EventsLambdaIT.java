package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.InMemoryEventStream;
import dev.marquee.api.serving.AttributionMetrics;
import dev.marquee.api.serving.RecordedEmf;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;
import dev.marquee.runtime.metrics.EmfMetrics;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /v1/events as API Gateway delivers it, through the Lambda poll loop, on the embedded backends; and the online
 * metric of events that cite the tracking token of a recommendation, cached or not.
 */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class EventsLambdaIT {

    @Inject
    ObjectMapper json;

    @Inject
    EventStream stream;

    @Inject
    EventLake lake;

    @Inject
    FeatureStore features;

    private LambdaApi api;

    @BeforeEach
    void client() {
        api = new LambdaApi(json);
    }

    private long published() {
        return ((InMemoryEventStream) stream).publishedCount();
    }

    @Test
    void aValidEventIsAcceptedThenReachesTheLakeAndTheFeatures() throws Exception {
        APIGatewayV2HTTPResponse response = api.sample("apigateway/post-event.json");

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(api.body(response).get("accepted")).extracting(JsonNode::asText)
                .containsExactly("5f0c2a8e-6c1b-4f7e-9a51-2d3b4c5d6e7f");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<InteractionEvent> stored = new ArrayList<>();
            lake.scan(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), stored::add);
            assertThat(stored).extracting(InteractionEvent::eventId).contains("5f0c2a8e-6c1b-4f7e-9a51-2d3b4c5d6e7f");
            assertThat(features.recent("u1", 1)).extracting(r -> r.itemId()).containsExactly("i42");
        });
    }

    @Test
    void aMixedBatchAcceptsTheValidEventsAndNamesTheProblemsOfTheOthers() throws Exception {
        long before = published();

        APIGatewayV2HTTPResponse response = api.sample("apigateway/post-events-batch-mixed.json");

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode body = api.body(response);
        assertThat(body.get("accepted")).hasSize(2);
        assertThat(body.get("accepted").get(0).asText()).isEqualTo("b7d1e2f3-0001-4000-8000-000000000001");
        assertThat(body.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 3, 4);
        assertThat(body.get("rejected").get(0).get("errors").get(0).get("field").asText()).isEqualTo("event_type");
        assertThat(body.get("rejected").get(1).get("errors").get(0).get("reason").asText()).contains("did you mean user_id?");
        assertThat(body.get("rejected").get(2).get("errors").get(0).get("field").asText()).isEqualTo("timestamp");
        assertThat(published() - before).isEqualTo(2);
    }

    @Test
    void malformedJsonIsA400AndNothingIsWritten() throws Exception {
        long before = published();

        APIGatewayV2HTTPResponse response = api.sample("apigateway/post-event-malformed.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(api.body(response).get("field").asText()).isEqualTo("body");
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void anInvalidSingleEventIsA400ListingEveryProblemAndNothingIsWritten() throws Exception {
        long before = published();

        APIGatewayV2HTTPResponse response = api.sample("apigateway/post-event-invalid.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_event");
        assertThat(body.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("item_id", "progress_pct");
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void aBatchOverFiveHundredIsRefusedWhole() throws Exception {
        long before = published();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 501; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"user_id\":\"u1\",\"item_id\":\"i1\",\"event_type\":\"click\"}");
        }

        APIGatewayV2HTTPResponse response = api.postEvents(batch.append("]").toString());

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(api.body(response).get("field").asText()).isEqualTo("events");
        assertThat(published()).isEqualTo(before);
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String event(String itemId, String type, String token) {
        return "{\"user_id\":\"u-tracked\",\"item_id\":\"" + itemId + "\",\"event_type\":\"" + type
                + "\",\"tracking_token\":\"" + token + "\"}";
    }

    @Test
    void aCachedAnswerHasItsOwnTokenAndEventsCitingEitherAreCountedPerVariantAndPosition() throws Exception {
        RecordedEmf emf = new RecordedEmf();
        QuarkusMock.installMockForType(emf, EmfMetrics.class);
        APIGatewayV2HTTPResponse first = api.get("/v1/recommendations?user_id=u-tracked&limit=5");
        APIGatewayV2HTTPResponse repeat = api.get("/v1/recommendations?user_id=u-tracked&limit=5");
        JsonNode served = api.body(first);
        JsonNode again = api.body(repeat);
        String third = served.get("items").get(2).get("item_id").asText();
        String top = served.get("items").get(0).get("item_id").asText();

        assertThat(header(first, "X-Marquee-Cache")).isEqualTo("miss");
        assertThat(header(repeat, "X-Marquee-Cache")).isEqualTo("hit");
        assertThat(again.get("items")).isEqualTo(served.get("items"));
        TrackingToken t1 = TrackingTokens.read(served.get("tracking_token").asText());
        TrackingToken t2 = TrackingTokens.read(again.get("tracking_token").asText());
        assertThat(t2.requestId()).isNotEqualTo(t1.requestId());
        assertThat(t2.variant()).isEqualTo(t1.variant()).isEqualTo(served.get("variant").asText());
        assertThat(t2.positionOf(third)).isEqualTo(t1.positionOf(third)).isEqualTo(3);

        APIGatewayV2HTTPResponse posted = api.postEvents("[" + event(third, "click", served.get("tracking_token").asText()) + ","
                + event(top, "play", again.get("tracking_token").asText()) + "]");

        assertThat(posted.getStatusCode()).as(posted.getBody()).isEqualTo(202);
        assertThat(api.body(posted).get("accepted")).hasSize(2);
        List<JsonNode> lines = emf.with(AttributionMetrics.METRIC);
        assertThat(lines).extracting(l -> l.get("Variant").asText() + "/" + l.get("EventType").asText() + "/"
                        + l.get("Position").asText() + "=" + l.get(AttributionMetrics.METRIC).asInt())
                .containsExactly(t1.variant() + "/click/3=1", t1.variant() + "/play/1=1");
        assertThat(lines.getFirst().get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").get(0))
                .extracting(JsonNode::asText).containsExactly("Function", "Variant", "EventType", "Position");
        // both answers count as served for the variant: the denominator of a click-through rate
        assertThat(emf.with("RecommendationsVariant_" + t1.variant())).hasSize(2);
        // and the lake gives an offline job the same attribution, from the token it keeps
        String clickId = api.body(posted).get("accepted").get(0).asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<InteractionEvent> stored = new ArrayList<>();
            lake.scan(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), e -> {
                if (e.eventId().equals(clickId)) {
                    stored.add(e);
                }
            });
            assertThat(stored).singleElement().satisfies(e -> {
                assertThat(e.attribution().position()).isEqualTo(3);
                assertThat(e.attribution().requestId()).isEqualTo(t1.requestId());
                assertThat(e.attribution().variant()).isEqualTo(t1.variant());
            });
        });
    }
}
