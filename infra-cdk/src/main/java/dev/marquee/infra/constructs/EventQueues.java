package dev.marquee.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The SQS side of ingestion. {@code events}: accepted events from the api, consumed by ingest; after
 * {@code maxReceiveCount} failed receives a message moves to {@code events-dlq}. {@code poison}: records ingest
 * refused (invalid, undecodable), with their reason (marquee.aws.dead-letter-queue-url); not retried.
 * {@code stream-failures}: the Kinesis mapping's on-failure destination (shard and sequence numbers of batches that
 * ran out of retries or age; the records stay in the stream for its retention, to be replayed). All encrypted
 * (SSE-SQS), TLS only; dead letters are kept the maximum 14 days.
 */
public class EventQueues extends Construct {
    private final Queue events;
    private final Queue eventsDlq;
    private final Queue poison;
    private final Queue streamFailures;

    public EventQueues(Construct scope, String id, String namePrefix, int ingestTimeoutSeconds, int maxReceiveCount, boolean kinesis) {
        super(scope, id);
        eventsDlq = deadLetters("EventsDlq", namePrefix + "events-dlq");
        events = Queue.Builder.create(this, "Events")
                .queueName(namePrefix + "events")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(4))
                // AWS's advice for Lambda consumers: at least six times the function timeout
                .visibilityTimeout(Duration.seconds(6L * ingestTimeoutSeconds))
                .receiveMessageWaitTime(Duration.seconds(20))
                .deadLetterQueue(DeadLetterQueue.builder().queue(eventsDlq).maxReceiveCount(maxReceiveCount).build())
                .build();
        poison = deadLetters("Poison", namePrefix + "poison");
        streamFailures = kinesis ? deadLetters("StreamFailures", namePrefix + "stream-failures") : null;
    }

    private Queue deadLetters(String id, String name) {
        return Queue.Builder.create(this, id)
                .queueName(name)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    public Queue events() {
        return events;
    }

    public Queue eventsDlq() {
        return eventsDlq;
    }

    public Queue poison() {
        return poison;
    }

    /** Null when the stack has no Kinesis stream. */
    public Queue streamFailures() {
        return streamFailures;
    }
}
