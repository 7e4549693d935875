package dev.marquee.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryResponseCache;
import dev.marquee.adapters.embedded.LocalFolderDeadLetterSink;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.runtime.metrics.EmfMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch large enough to be decoded on all cores keeps the records' order and reports every poison record. */
class StreamBatchHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void aLargeBatchKeepsRecordOrderAndDeadLettersEachPoisonRecord() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LocalFolderEventLake lake = new LocalFolderEventLake(root.resolve("lake"), new EventCodec(), clock);
        InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), clock);
        LocalFolderDeadLetterSink deadLetters = new LocalFolderDeadLetterSink(root);
        IngestPipeline pipeline = new IngestPipeline(lake, features, new InMemoryResponseCache(clock), EventWeights.defaults(),
                new FeatureUpdate.Limits(5_000, Duration.ofHours(1)));
        StreamBatchHandler handler = new StreamBatchHandler(pipeline, deadLetters, new EmfMetrics(), new ObjectMapper(), clock);

        List<StreamBatch.Record> records = new ArrayList<>();
        List<String> poison = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = "m" + i;
            if (i % 97 == 0) {
                poison.add(id);
                records.add(new StreamBatch.Record("aws:sqs", id, "{not json " + i, null));
            } else {
                String body = "{\"event_id\":\"ev" + i + "\",\"user_id\":\"u1\",\"item_id\":\"i" + i + "\",\"event_type\":\"play\","
                        + "\"timestamp\":\"" + NOW.minusSeconds(2_000 - i) + "\"}";
                records.add(new StreamBatch.Record("aws:sqs", id, body, null));
            }
        }

        BatchResponse response = handler.handleRequest(new StreamBatch(records), null);

        assertThat(response.batchItemFailures()).isEmpty();
        assertThat(deadLetters.lines()).hasSize(poison.size()).allSatisfy(line -> assertThat(line).contains("not JSON"));
        List<String> expectedNewestFirst = new ArrayList<>();
        for (int i = 1_999; i >= 0; i--) {
            if (i % 97 != 0) {
                expectedNewestFirst.add("i" + i);
            }
        }
        assertThat(features.recent("u1", 5_000)).extracting(RecentInteraction::itemId).containsExactlyElementsOf(expectedNewestFirst);
        List<InteractionEvent> inLake = new ArrayList<>();
        lake.scan(NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1), inLake::add);
        assertThat(inLake).hasSize(2_000 - poison.size());
    }
}
