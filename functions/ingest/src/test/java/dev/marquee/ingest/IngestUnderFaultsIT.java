package dev.marquee.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.LocalFolderDeadLetterSink;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.redis.RedisFeatureStore;
import dev.marquee.adapters.redis.RedisResponseCache;
import dev.marquee.adapters.s3.S3EventLake;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.runtime.metrics.EmfMetrics;
import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.backend.S3MockBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 events through the ingest handler as SQS and Kinesis batches, on a real S3-compatible lake and a real Redis,
 * while the S3 writer fails some batches, Redis hangs for a while, and batches are redelivered the way Lambda does
 * (SQS: only the failed messages; Kinesis: from the first failed record on), plus duplicate sends and poison.
 * Afterwards every accepted event is in the lake exactly once after de-duplication by event_id, and the feature
 * counters equal those computed from the unique events.
 */
class IngestUnderFaultsIT {
    private static final int EVENTS = 10_000;
    private static final int BATCH = 100;
    private static final String BUCKET = "lake-under-faults";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static S3MockBackend s3Server;
    private static RedisServerBackend redisServer;
    private static RedisTestClient redis;
    private static final AtomicBoolean s3Faulty = new AtomicBoolean();
    private static final AtomicInteger puts = new AtomicInteger();
    private static S3Client s3;

    @TempDir
    static Path deadLetterDir;

    @BeforeAll
    static void startBackends() {
        s3Server = S3MockBackend.start();
        // a real SDK interceptor on a real client: every fifth write fails while faults are on
        ExecutionInterceptor failSomeWrites = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest && s3Faulty.get() && puts.incrementAndGet() % 5 == 0) {
                    throw SdkClientException.create("injected: connection reset writing the lake");
                }
            }
        };
        s3 = S3Client.builder()
                .endpointOverride(s3Server.endpoint())
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(failSomeWrites))
                .build();
        s3.createBucket(b -> b.bucket(BUCKET));
        redisServer = RedisServerBackend.start();
        redis = RedisTestClient.connect(redisServer.endpoint(), Duration.ofMillis(300));
    }

    @AfterAll
    static void stopBackends() {
        redis.close();
        redisServer.close();
        s3.close();
        s3Server.close();
    }

    /** One stream record as the test sends it: which source, its id, and its body. */
    private record Sent(boolean kinesis, String id, String body) {
    }

    @Test
    void everyAcceptedEventLandsOnceAndCountersMatchDespiteFaultsAndRedeliveries() throws Exception {
        ObjectMapper json = new ObjectMapper();
        EventCodec codec = new EventCodec();
        Random rnd = new Random(7);
        S3EventLake lake = new S3EventLake(s3, BUCKET, "", Clock.systemUTC());
        RedisFeatureStore features = new RedisFeatureStore(redis.dataSource(), Duration.ofHours(6), Duration.ofMillis(300));
        LocalFolderDeadLetterSink deadLetters = new LocalFolderDeadLetterSink(deadLetterDir);
        IngestPipeline pipeline = new IngestPipeline(lake, features, new RedisResponseCache(redis.dataSource()),
                EventWeights.defaults(), new FeatureUpdate.Limits(50, Duration.ofHours(48)));
        StreamBatchHandler handler = new StreamBatchHandler(pipeline, deadLetters, new EmfMetrics(), json, Clock.systemUTC());

        // 10,000 distinct events, 1% of them sent twice in separate records, and 20 poison records
        List<InteractionEvent> events = new ArrayList<>(EVENTS);
        EventType[] types = {EventType.PLAY, EventType.PLAY, EventType.COMPLETE, EventType.CLICK, EventType.LIKE, EventType.SKIP, EventType.IMPRESSION};
        String[] countries = {"US", "GB", "DE", "FR"};
        for (int i = 0; i < EVENTS; i++) {
            events.add(new InteractionEvent(UUID.randomUUID().toString(), "fu" + rnd.nextInt(600), "fi" + rnd.nextInt(300),
                    types[rnd.nextInt(types.length)], NOW.minusSeconds(rnd.nextInt(6 * 3600)), null, null, null,
                    new EventContext("tv", countries[rnd.nextInt(countries.length)], null, null)));
        }
        List<Sent> records = new ArrayList<>();
        long sequence = 1_000_000;
        for (int i = 0; i < EVENTS; i++) {
            boolean kinesis = (i / BATCH) % 2 == 1;
            records.add(new Sent(kinesis, kinesis ? Long.toString(sequence++) : UUID.randomUUID().toString(), codec.encode(events.get(i))));
            if (i % 100 == 0) {
                records.add(new Sent(kinesis, kinesis ? Long.toString(sequence++) : UUID.randomUUID().toString(), codec.encode(events.get(i))));
            }
            if (i % 500 == 0) {
                records.add(new Sent(kinesis, kinesis ? Long.toString(sequence++) : UUID.randomUUID().toString(), "{\"user_id\":\"fu1\",\"event_type\":\"play\""));
            }
        }

        Deque<List<Sent>> pending = new ArrayDeque<>();
        for (int from = 0; from < records.size(); from += BATCH) {
            pending.add(records.subList(from, Math.min(records.size(), from + BATCH)));
        }
        int deliveries = 0;
        int redeliveries = 0;
        while (!pending.isEmpty()) {
            assertThat(deliveries).as("deliveries before the queue drained").isLessThan(2_000);
            // the faults: S3 writes fail now and then through the first half; Redis hangs between deliveries 30 and 45
            s3Faulty.set(deliveries < 60);
            if (deliveries == 30) {
                redisServer.pause();
            } else if (deliveries == 45) {
                redisServer.resume();
            }
            List<Sent> batch = pending.poll();
            deliveries++;
            BatchResponse response = handler.handleRequest(toLambdaBatch(batch), null);
            Set<String> failed = new HashSet<>();
            response.batchItemFailures().forEach(f -> failed.add(f.itemIdentifier()));
            List<Sent> again = redeliver(batch, failed);
            if (!again.isEmpty()) {
                pending.add(again);
                redeliveries++;
            } else if (rnd.nextInt(20) == 0) {
                // at-least-once: a batch that succeeded arrives again
                pending.add(batch);
                redeliveries++;
            }
        }
        assertThat(redeliveries).as("the faults really caused redeliveries").isGreaterThan(20);

        // the lake, de-duplicated by event_id as the trainer reads it, holds every event exactly once
        Map<String, InteractionEvent> unique = new HashMap<>();
        int[] stored = {0};
        lake.scan(NOW.minus(Duration.ofHours(7)), NOW.plusSeconds(60), e -> {
            stored[0]++;
            InteractionEvent previous = unique.putIfAbsent(e.eventId(), e);
            assertThat(previous == null || previous.equals(e)).as("copies of one event_id are identical").isTrue();
        });
        assertThat(unique.keySet()).containsExactlyInAnyOrderElementsOf(events.stream().map(InteractionEvent::eventId).toList());
        assertThat(stored[0]).isGreaterThan(EVENTS); // duplicates did reach the lake, and were removed above

        // counters match the unique events, type by type
        Map<String, Integer> expected = new HashMap<>();
        events.forEach(e -> expected.merge(e.itemId() + "|" + e.type().wireName(), 1, Integer::sum));
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            String[] itemAndType = entry.getKey().split("\\|");
            assertThat(features.counter(itemAndType[0], itemAndType[1])).as(entry.getKey()).isEqualTo(entry.getValue().doubleValue());
        }
        // poison is parked, never retried forever; a redelivered batch may park it again (at least once)
        assertThat(deadLetters.letters().stream().map(l -> l.recordId()).distinct()).hasSize(20);
    }

    /** SQS redelivers the failed messages; Kinesis resumes from the first failed record, later ones included. */
    private static List<Sent> redeliver(List<Sent> batch, Set<String> failed) {
        if (failed.isEmpty()) {
            return List.of();
        }
        if (batch.get(0).kinesis()) {
            for (int i = 0; i < batch.size(); i++) {
                if (failed.contains(batch.get(i).id())) {
                    return batch.subList(i, batch.size());
                }
            }
            return List.of();
        }
        return batch.stream().filter(s -> failed.contains(s.id())).toList();
    }

    private static StreamBatch toLambdaBatch(List<Sent> batch) {
        return new StreamBatch(batch.stream().map(s -> s.kinesis()
                ? new StreamBatch.Record("aws:kinesis", null, null, new StreamBatch.Kinesis("p", s.id(),
                        Base64.getEncoder().encodeToString(s.body().getBytes(StandardCharsets.UTF_8))))
                : new StreamBatch.Record("aws:sqs", s.id(), s.body(), null)).toList());
    }
}
