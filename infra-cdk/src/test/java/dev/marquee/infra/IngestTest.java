package dev.marquee.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Queues, the Kinesis stream, and the ingest function's event source mappings. */
class IngestTest {
    static Synth synth;
    static String events;
    static String eventsDlq;
    static String poison;
    static String streamFailures;
    static String stream;
    static String ingestAlias;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        events = queueId("marquee-dev-events");
        eventsDlq = queueId("marquee-dev-events-dlq");
        poison = queueId("marquee-dev-poison");
        streamFailures = queueId("marquee-dev-stream-failures");
        assertThat(synth.resources("AWS::Kinesis::Stream")).hasSize(1);
        stream = synth.resources("AWS::Kinesis::Stream").keySet().iterator().next();
        ingestAlias = synth.resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> Synth.render(Synth.props(e.getValue()).get("FunctionName")).contains("Ingest"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    static String queueId(String name) {
        return synth.idWhere("AWS::SQS::Queue", "QueueName", name);
    }

    @Test
    void eventsQueueRedrivesToItsDeadLetterQueueAfterFiveReceives() {
        Map<String, Object> q = Synth.props(synth.resource(events));
        assertThat(q.get("RedrivePolicy")).isEqualTo(Map.of(
                "deadLetterTargetArn", Map.of("Fn::GetAtt", java.util.List.of(eventsDlq, "Arn")),
                "maxReceiveCount", 5));
        // six times the ingest timeout (60 s), as AWS advises for Lambda consumers
        assertThat(q.get("VisibilityTimeout")).isEqualTo(360);
        assertThat(q.get("ReceiveMessageWaitTimeSeconds")).isEqualTo(20);
    }

    @Test
    void everyQueueIsEncryptedAndTlsOnlyAndDeadLettersAreKeptFourteenDays() {
        assertThat(synth.resources("AWS::SQS::Queue")).hasSize(4);
        synth.resources("AWS::SQS::Queue").forEach((id, r) -> {
            assertThat(Synth.props(r).get("SqsManagedSseEnabled")).as(id).isEqualTo(true);
            Map<String, Object> policy = synth.only("AWS::SQS::QueuePolicy", "Queues=[${" + id + "}]");
            assertThat(Synth.render(policy.get("PolicyDocument")))
                    .contains("Action=sqs:*,Condition={Bool={aws:SecureTransport=false}},Effect=Deny");
        });
        for (String dlq : new String[] {eventsDlq, poison, streamFailures}) {
            assertThat(Synth.props(synth.resource(dlq)).get("MessageRetentionPeriod")).as(dlq).isEqualTo(1209600);
        }
    }

    @Test
    void streamIsOnDemandAndEncrypted() {
        Map<String, Object> s = Synth.props(synth.resource(stream));
        assertThat(s.get("StreamModeDetails")).isEqualTo(Map.of("StreamMode", "ON_DEMAND"));
        assertThat(s.get("StreamEncryption")).isEqualTo(Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"));
        assertThat(s.get("RetentionPeriodHours")).isEqualTo(168);
        assertThat(s).doesNotContainKey("ShardCount");
    }

    @Test
    void sqsMappingReportsPartialFailuresInWindowedBatchesWithCappedConcurrency() {
        Map<String, Object> m = synth.only("AWS::Lambda::EventSourceMapping", "${" + events + ".Arn}");
        assertThat(Synth.render(m.get("FunctionName"))).contains(ingestAlias).endsWith(":live");
        assertThat(m.get("FunctionResponseTypes")).isEqualTo(java.util.List.of("ReportBatchItemFailures"));
        assertThat(m.get("BatchSize")).isEqualTo(100);
        assertThat(m.get("MaximumBatchingWindowInSeconds")).isEqualTo(2);
        assertThat(m.get("ScalingConfig")).isEqualTo(Map.of("MaximumConcurrency", 10));
    }

    @Test
    void kinesisMappingBisectsRetriesAndSendsWhatStillFailsToTheFailureQueue() {
        Map<String, Object> m = synth.only("AWS::Lambda::EventSourceMapping", "${" + stream + ".Arn}");
        assertThat(Synth.render(m.get("FunctionName"))).contains(ingestAlias).endsWith(":live");
        assertThat(m.get("FunctionResponseTypes")).isEqualTo(java.util.List.of("ReportBatchItemFailures"));
        assertThat(m.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(m.get("MaximumRetryAttempts")).isEqualTo(5);
        assertThat(m.get("MaximumRecordAgeInSeconds")).isEqualTo(86400);
        assertThat(m.get("StartingPosition")).isEqualTo("TRIM_HORIZON");
        assertThat(m.get("BatchSize")).isEqualTo(500);
        assertThat(m.get("ParallelizationFactor")).isEqualTo(1);
        assertThat(m.get("DestinationConfig")).isEqualTo(Map.of("OnFailure",
                Map.of("Destination", Map.of("Fn::GetAtt", java.util.List.of(streamFailures, "Arn")))));
    }

    @Test
    void exactlyTwoMappings() {
        assertThat(synth.resources("AWS::Lambda::EventSourceMapping")).hasSize(2);
    }
}
