package dev.marquee.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.LocalFolderDeadLetterSink;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest function as Lambda runs it: SQS and Kinesis events from events-samples/ through the Lambda Runtime
 * API (a loopback stub) into the poll loop, on the embedded backends.
 */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class StreamBatchHandlerIT {
    private static final Instant DAY = Instant.parse("2026-11-21T00:00:00Z");

    @Inject
    ObjectMapper json;

    @Inject
    EventLake lake;

    @Inject
    FeatureStore features;

    @Inject
    DeadLetterSink deadLetters;

    private List<String> invoke(String sample) throws Exception {
        JsonNode response = json.readTree(LambdaRuntimeResource.runtime.invoke(EventSamples.read(sample), Duration.ofSeconds(20)));
        List<String> failed = new ArrayList<>();
        response.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        return failed;
    }

    /** The user's events in the lake, one per event_id: the lake may hold a redelivered copy, the trainer drops it. */
    private List<InteractionEvent> lakeEventsOf(String userId) {
        Map<String, InteractionEvent> byId = new LinkedHashMap<>();
        lake.scan(DAY, DAY.plus(Duration.ofDays(1)), e -> {
            if (e.userId().equals(userId)) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return new ArrayList<>(byId.values());
    }

    private List<String> deadLetterLines() {
        return ((LocalFolderDeadLetterSink) deadLetters).lines();
    }

    @Test
    void anSqsBatchLandsInTheLakeAndTheFeatures() throws Exception {
        assertThat(invoke("sqs/valid-batch.json")).isEmpty();

        assertThat(lakeEventsOf("sqs-u1")).extracting(InteractionEvent::itemId).containsExactlyInAnyOrder("i1", "i2");
        assertThat(features.recent("sqs-u1", 5)).extracting(RecentInteraction::itemId).containsExactly("i2", "i1");
        assertThat(features.seen("sqs-u2")).containsExactly("i1");
        assertThat(features.counter("i1", "like")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void poisonInAMixedSqsBatchIsDeadLetteredWithItsReasonAndNotRetried() throws Exception {
        assertThat(invoke("sqs/mixed-valid.json")).isEmpty();

        assertThat(lakeEventsOf("sqs-u3")).extracting(InteractionEvent::itemId).containsExactly("i5");
        assertThat(lakeEventsOf("sqs-u4")).extracting(InteractionEvent::itemId).containsExactly("i6");
        assertThat(deadLetterLines()).anySatisfy(l -> assertThat(l).contains("event_type must be one of").contains("059f36b4-87a3-44ab-83d2-661975900011"));
        assertThat(deadLetterLines()).anySatisfy(l -> assertThat(l).contains("not JSON"));
    }

    @Test
    void anSqsDuplicateCountsOnce() throws Exception {
        assertThat(invoke("sqs/duplicate.json")).isEmpty();
        assertThat(invoke("sqs/duplicate.json")).isEmpty();

        assertThat(features.counter("i9", "purchase")).isEqualTo(1.0);
        assertThat(features.recent("sqs-u5", 10)).hasSize(1);
    }

    @Test
    void anEventWithoutIdGetsOneFromItsMessageSoARedeliveryIsRecognised() throws Exception {
        invoke("sqs/without-event-id.json");
        invoke("sqs/without-event-id.json");

        assertThat(lakeEventsOf("sqs-u6")).extracting(InteractionEvent::eventId)
                .containsOnly("sqs:059f36b4-87a3-44ab-83d2-661975900040");
        assertThat(features.recent("sqs-u6", 10)).hasSize(1);
    }

    @Test
    void aKinesisBatchUpdatesTrendingInTheEventsCountry() throws Exception {
        assertThat(invoke("kinesis/valid-batch.json")).isEmpty();

        assertThat(lakeEventsOf("kin-u1")).hasSize(2);
        assertThat(features.trending("DE", 5, Instant.parse("2026-11-21T14:00:00Z"))).extracting(ScoredItem::itemId).contains("i1");
        // a skip is negative: it never trends
        assertThat(features.trending("ALL", 100, Instant.parse("2026-11-21T14:00:00Z"))).extracting(ScoredItem::itemId).doesNotContain("i4");
    }

    @Test
    void aKinesisRecordWithoutRequiredFieldsIsDeadLetteredAndItsNeighbourIngested() throws Exception {
        assertThat(invoke("kinesis/poison.json")).isEmpty();

        assertThat(lakeEventsOf("kin-u3")).hasSize(1);
        assertThat(deadLetterLines()).anySatisfy(l -> assertThat(l).contains("item_id is required").contains("aws:kinesis"));
    }

    @Test
    void aKinesisDuplicateCountsOnce() throws Exception {
        invoke("kinesis/duplicate.json");

        assertThat(features.counter("i2", "like")).isEqualTo(1.0);
    }
}
