package dev.marquee.adapters.kinesis;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What kinesalite cannot do: throttle single records or whole requests. A scripted loopback server answers the
 * stream's real signed HTTP calls, and records them, so each test sees exactly what was sent again.
 */
class KinesisRetriesIT {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final KinesisEventStream.Options FAST_RETRIES =
            new KinesisEventStream.Options(3, Duration.ofMillis(5), Duration.ofMillis(20));
    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private ScriptedKinesis server;
    private KinesisJsonClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private KinesisEventStream streamAnswering(Function<ScriptedKinesis.Call, ScriptedKinesis.Answer> script) {
        server = new ScriptedKinesis(script);
        client = TestClients.kinesis(server.endpoint());
        return new KinesisEventStream(client, "events", new EventCodec(), FAST_RETRIES);
    }

    private List<List<String>> sentEventIds() {
        return server.calls().stream().map(ScriptedKinesis.Call::eventIds).toList();
    }

    @Test
    void onlyTheRecordsKinesisReportsThrottledAreSentAgain() {
        List<InteractionEvent> batch = events(5);
        List<String> flaky = List.of(batch.get(1).eventId(), batch.get(3).eventId());
        KinesisEventStream stream = streamAnswering(call -> server.calls().isEmpty()
                ? ScriptedKinesis.perRecord(call, id -> flaky.contains(id) ? THROTTLED : null)
                : ScriptedKinesis.allTaken(call));

        assertThat(stream.publish(batch)).isEmpty();

        assertThat(sentEventIds()).containsExactly(ids(batch), flaky);
    }

    @Test
    void aRecordThatKeepsFailingIsReturnedAfterTheLastAttempt() {
        List<InteractionEvent> batch = events(3);
        InteractionEvent doomed = batch.get(1);
        KinesisEventStream stream = streamAnswering(call ->
                ScriptedKinesis.perRecord(call, id -> id.equals(doomed.eventId()) ? "InternalFailure" : null));

        assertThat(stream.publish(batch)).containsExactly(doomed);

        assertThat(sentEventIds()).extracting(List::size).containsExactly(3, 1, 1); // maxAttempts = 3
    }

    @Test
    void aRecordRefusedForAnotherReasonIsReturnedWithoutRetry() {
        List<InteractionEvent> batch = events(3);
        InteractionEvent refused = batch.get(2);
        KinesisEventStream stream = streamAnswering(call ->
                ScriptedKinesis.perRecord(call, id -> id.equals(refused.eventId()) ? "KMSAccessDeniedException" : null));

        assertThat(stream.publish(batch)).containsExactly(refused);

        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void aThrottledRequestIsSentAgainWhole() {
        List<InteractionEvent> batch = events(4);
        KinesisEventStream stream = streamAnswering(call -> server.calls().isEmpty()
                ? ScriptedKinesis.error(400, "com.amazonaws.kinesis.v20131202#" + THROTTLED)
                : ScriptedKinesis.allTaken(call));

        assertThat(stream.publish(batch)).isEmpty();

        assertThat(sentEventIds()).containsExactly(ids(batch), ids(batch));
    }

    @Test
    void throttledOnEveryAttemptWithNothingTakenIsStoreUnavailable() {
        KinesisEventStream stream = streamAnswering(call -> ScriptedKinesis.error(400, "KMSThrottlingException"));

        assertThatThrownBy(() -> stream.publish(events(2)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("KMSThrottlingException")
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("kinesis"));
        assertThat(server.calls()).hasSize(3);
    }

    @Test
    void aRequestRefusedForGoodIsStoreUnavailableAtOnce() {
        KinesisEventStream stream = streamAnswering(call -> ScriptedKinesis.error(400, "ResourceNotFoundException"));

        assertThatThrownBy(() -> stream.publish(events(2)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("ResourceNotFoundException");
        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void onceSomeWereTakenAFailingStreamReturnsTheRestInsteadOfThrowing() {
        List<InteractionEvent> batch = events(700);
        KinesisEventStream stream = streamAnswering(call -> server.calls().isEmpty()
                ? ScriptedKinesis.allTaken(call)
                : ScriptedKinesis.error(503, "ServiceUnavailable"));

        assertThat(stream.publish(batch)).containsExactlyElementsOf(batch.subList(500, 700));

        assertThat(sentEventIds()).extracting(List::size).containsExactly(500, 200, 200, 200);
    }

    @Test
    void requestsHoldAtMost500Records() {
        List<InteractionEvent> batch = events(1201);
        KinesisEventStream stream = streamAnswering(ScriptedKinesis::allTaken);

        assertThat(stream.publish(batch)).isEmpty();

        assertThat(sentEventIds()).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(sentEventIds().stream().flatMap(List::stream).toList()).isEqualTo(ids(batch));
    }

    @Test
    void requestsHoldAtMost5MiBAndARecordOver1MiBIsNotSent() {
        String big = "x".repeat(900 * 1024);
        List<InteractionEvent> large = IntStream.range(0, 12).mapToObj(i -> withToken(event(i), big)).toList();
        InteractionEvent oversized = withToken(event(99), "y".repeat(1024 * 1024));
        List<InteractionEvent> all = new ArrayList<>(large);
        all.add(5, oversized);
        KinesisEventStream stream = streamAnswering(ScriptedKinesis::allTaken);

        assertThat(stream.publish(all)).containsExactly(oversized);

        assertThat(sentEventIds()).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(server.calls()).allSatisfy(c -> assertThat(c.recordBytes()).isLessThanOrEqualTo(5 * 1024 * 1024));
    }

    @Test
    void theRequestIsAKinesisJsonCallSignedWithSigV4ForKinesisInTheRegion() {
        List<InteractionEvent> batch = events(2);
        server = new ScriptedKinesis(ScriptedKinesis::allTaken);
        var session = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(TestClients.ACCESS_KEY, TestClients.SECRET_KEY, "session-token-1"));
        client = TestClients.kinesis(server.endpoint(), session);

        assertThat(new KinesisEventStream(client, "events").publish(batch)).isEmpty();

        ScriptedKinesis.Call call = server.calls().getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/");
        assertThat(call.header("x-amz-target")).isEqualTo("Kinesis_20131202.PutRecords");
        assertThat(call.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(call.header("x-amz-security-token")).isEqualTo("session-token-1");
        assertThat(call.json().path("StreamName").asText()).isEqualTo("events");
        assertThat(call.json().path("Records").get(0).path("PartitionKey").asText()).isEqualTo(batch.getFirst().userId());
        Map<String, String> auth = SigV4Check.authorization(call.header("authorization"));
        assertThat(auth.get("Credential")).startsWith(TestClients.ACCESS_KEY + "/").endsWith("/us-east-1/kinesis/aws4_request");
        assertThat(auth.get("SignedHeaders").split(";")).contains("host", "x-amz-date", "x-amz-target", "content-type",
                "x-amz-security-token");
        assertThat(auth.get("Signature")).isEqualTo(SigV4Check.expectedSignature(call, TestClients.SECRET_KEY));
    }

    @Test
    void aStreamArnGoesInStreamARN() {
        String arn = "arn:aws:kinesis:us-east-1:123456789012:stream/events";
        server = new ScriptedKinesis(ScriptedKinesis::allTaken);
        client = TestClients.kinesis(server.endpoint());

        assertThat(new KinesisEventStream(client, arn).publish(events(1))).isEmpty();

        assertThat(server.calls().getFirst().json().path("StreamARN").asText()).isEqualTo(arn);
        assertThat(server.calls().getFirst().json().has("StreamName")).isFalse();
    }

    private static InteractionEvent event(int i) {
        return Fixtures.event("u" + (i % 7), "i" + i, EventType.CLICK, T0.plusSeconds(i));
    }

    private static List<InteractionEvent> events(int n) {
        return IntStream.range(0, n).mapToObj(KinesisRetriesIT::event).toList();
    }

    private static List<String> ids(List<InteractionEvent> events) {
        return events.stream().map(InteractionEvent::eventId).toList();
    }

    private static InteractionEvent withToken(InteractionEvent e, String token) {
        return new InteractionEvent(e.eventId(), e.userId(), e.itemId(), e.type(), e.timestamp(), e.progressPct(), e.rating(),
                token, EventContext.EMPTY);
    }
}
