package dev.marquee.adapters.sqs;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.testing.backend.ElasticMqBackend;
import dev.marquee.testing.contract.EventStreamContract;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQS stream against the same contract as the in-memory one, on ElasticMQ; a fresh queue per test. */
class SqsEventStreamIT extends EventStreamContract {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final EventCodec CODEC = new EventCodec();
    private static final SqsEventStream.Options FAST_RETRIES =
            new SqsEventStream.Options(false, 3, Duration.ofMillis(5), Duration.ofMillis(20));
    private static ElasticMqBackend server;
    private static SqsClient sqs;

    private String queueUrl;

    @BeforeAll
    static void startServer() {
        server = ElasticMqBackend.start();
        sqs = server.client();
        System.out.printf("ElasticMQ started in %d ms at %s%n", server.startupTime().toMillis(), server.endpoint());
    }

    @AfterAll
    static void stopServer() {
        if (sqs != null) {
            sqs.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected EventStream newStream() {
        queueUrl = sqs.createQueue(b -> b.queueName(Fixtures.unique("events"))).queueUrl();
        return new SqsEventStream(sqs, queueUrl);
    }

    @Override
    protected List<InteractionEvent> delivered(int expected) {
        return receive(queueUrl, expected).stream().map(m -> CODEC.decode(m.body())).toList();
    }

    /** Long-polls until {@code expected} messages arrived or about 5 s passed, deleting what it received. */
    private static List<Message> receive(String queueUrl, int expected) {
        List<Message> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            out.addAll(receiveOnce(queueUrl, 1));
        }
        out.addAll(receiveOnce(queueUrl, 0)); // anything beyond what was expected shows up in the assertion
        return out;
    }

    private static List<Message> receiveOnce(String queueUrl, int waitSeconds) {
        List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageAttributeNames("All")).messages();
        if (!batch.isEmpty()) {
            List<DeleteMessageBatchRequestEntry> done = IntStream.range(0, batch.size())
                    .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(batch.get(i).receiptHandle()).build())
                    .toList();
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
        return batch;
    }

    private static List<InteractionEvent> events(int n) {
        return IntStream.range(0, n).mapToObj(i -> Fixtures.event("u" + i, "i" + i, EventType.CLICK, T0.plusSeconds(i))).toList();
    }

    @Test
    void messageAttributesCarryTheEventTypeAndIdWhenAskedFor() {
        EventStream withAttributes = new SqsEventStream(sqs, queueUrl, CODEC, SqsEventStream.Options.DEFAULTS.withMessageAttributes(true));
        InteractionEvent e = Fixtures.event("u1", "i1", EventType.RATE, T0);

        assertThat(withAttributes.publish(List.of(e))).isEmpty();

        Message m = receive(queueUrl, 1).getFirst();
        assertThat(m.messageAttributes().get("event_type").stringValue()).isEqualTo("rate");
        assertThat(m.messageAttributes().get("event_id").stringValue()).isEqualTo(e.eventId());
        assertThat(CODEC.decode(m.body())).isEqualTo(e);
    }

    @Test
    void batchesStayUnderThe256KiBLimitAndAnOversizedEventIsReturnedNotThrown() {
        // ~60 KiB each: five of them cannot share one 256 KiB batch, although they fit in 10 entries
        String big = "x".repeat(60 * 1024);
        List<InteractionEvent> large = IntStream.range(0, 5)
                .mapToObj(i -> withToken(Fixtures.event("u" + i, "i" + i, EventType.PLAY, T0), big)).toList();
        InteractionEvent oversized = withToken(Fixtures.event("u9", "i9", EventType.PLAY, T0), "y".repeat(300 * 1024));
        List<InteractionEvent> all = new ArrayList<>(large);
        all.add(2, oversized);

        assertThat(stream.publish(all)).containsExactly(oversized);
        assertThat(delivered(5)).containsExactlyInAnyOrderElementsOf(large);
    }

    @Test
    void onlyTheEntriesSqsReportsFailedAreRetried() {
        List<InteractionEvent> batch = events(13);
        InteractionEvent flaky = batch.get(4);
        FailEntries failOnce = new FailEntries(Map.of(flaky.eventId(), 1));
        try (SqsClient client = server.client(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(failOnce)))) {
            List<InteractionEvent> notTaken = new SqsEventStream(client, queueUrl, CODEC, FAST_RETRIES).publish(batch);

            assertThat(notTaken).isEmpty();
        }
        // two batches (10 + 3), then one retry call holding only the failed entry
        assertThat(failOnce.calls).extracting(List::size).containsExactly(10, 3, 1);
        assertThat(failOnce.calls.get(2)).containsExactly(flaky.eventId());
        // the rewritten response hid a message the server did store: at-least-once, so the retry duplicates it
        assertThat(delivered(14)).hasSize(14).containsAll(batch);
    }

    @Test
    void anEntryThatKeepsFailingIsReturnedAfterTheLastAttempt() {
        List<InteractionEvent> batch = events(3);
        InteractionEvent doomed = batch.get(1);
        FailEntries failAlways = new FailEntries(Map.of(doomed.eventId(), Integer.MAX_VALUE));
        try (SqsClient client = server.client(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(failAlways)))) {
            List<InteractionEvent> notTaken = new SqsEventStream(client, queueUrl, CODEC, FAST_RETRIES).publish(batch);

            assertThat(notTaken).containsExactly(doomed);
        }
        assertThat(failAlways.calls).extracting(List::size).containsExactly(3, 1, 1); // maxAttempts = 3
    }

    @Test
    void aFifoQueueGetsGroupAndDeduplicationIds() {
        String fifoUrl = sqs.createQueue(b -> b.queueName(Fixtures.unique("events") + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        List<InteractionEvent> batch = events(12);

        assertThat(new SqsEventStream(sqs, fifoUrl).publish(batch)).isEmpty();
        assertThat(new SqsEventStream(sqs, fifoUrl).publish(batch.subList(0, 3))).isEmpty(); // deduplicated by event id

        List<InteractionEvent> received = receive(fifoUrl, 12).stream().map(m -> CODEC.decode(m.body())).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(batch);
    }

    private static InteractionEvent withToken(InteractionEvent e, String token) {
        return new InteractionEvent(e.eventId(), e.userId(), e.itemId(), e.type(), e.timestamp(), e.progressPct(), e.rating(),
                token, EventContext.EMPTY);
    }

    /**
     * A real SDK interceptor on a real client: it records each SendMessageBatch's event ids and rewrites the
     * response so that chosen events read as failed (a retryable, non-sender fault) a given number of times.
     */
    private static final class FailEntries implements ExecutionInterceptor {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> failuresLeft;

        FailEntries(Map<String, Integer> failures) {
            this.failuresLeft = new HashMap<>(failures);
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (!(request instanceof SendMessageBatchRequest send) || !(context.response() instanceof SendMessageBatchResponse response)) {
                return context.response();
            }
            Map<String, String> eventIdByEntry = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (SendMessageBatchRequestEntry entry : send.entries()) {
                String eventId = CODEC.decode(entry.messageBody()).eventId();
                eventIdByEntry.put(entry.id(), eventId);
                ids.add(eventId);
            }
            calls.add(ids);
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>(response.failed());
            for (SendMessageBatchResultEntry entry : response.successful()) {
                String eventId = eventIdByEntry.get(entry.id());
                int left = failuresLeft.getOrDefault(eventId, 0);
                if (left > 0) {
                    failuresLeft.put(eventId, left - 1);
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").senderFault(false)
                            .message("injected by the test").build());
                } else {
                    ok.add(entry);
                }
            }
            return response.toBuilder().successful(ok).failed(failed).build();
        }
    }
}
