package dev.marquee.infra.constructs;

import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The ingest function's event source mappings. Both report partial batch failures (ReportBatchItemFailures), so
 * only the records the handler names come back. SQS: batches up to {@code sqsBatchSize} gathered for up to
 * {@code sqsBatchWindowSeconds}, concurrency capped; retries and the dead-letter queue come from the queue's redrive
 * policy. Kinesis: from the oldest record (nothing accepted is skipped), a failing batch is bisected, retried
 * {@code kinesisRetryAttempts} times, and what still fails (or ages past {@code kinesisMaxRecordAgeHours}) is
 * described in the stream-failures queue.
 */
public class IngestTriggers extends Construct {

    public IngestTriggers(Construct scope, String id, Settings.Ingest tuning, IFunction ingest, IQueue events,
                          IStream stream, IQueue streamFailures) {
        super(scope, id);
        ingest.addEventSource(new SqsEventSource(events, SqsEventSourceProps.builder()
                .batchSize(tuning.sqsBatchSize())
                .maxBatchingWindow(Duration.seconds(tuning.sqsBatchWindowSeconds()))
                .maxConcurrency(tuning.sqsMaxConcurrency())
                .reportBatchItemFailures(true)
                .build()));
        if (stream != null) {
            ingest.addEventSource(new KinesisEventSource(stream, KinesisEventSourceProps.builder()
                    .startingPosition(StartingPosition.TRIM_HORIZON)
                    .batchSize(tuning.kinesisBatchSize())
                    .maxBatchingWindow(Duration.seconds(tuning.kinesisBatchWindowSeconds()))
                    .parallelizationFactor(tuning.kinesisParallelization())
                    .bisectBatchOnError(true)
                    .retryAttempts(tuning.kinesisRetryAttempts())
                    .maxRecordAge(Duration.hours(tuning.kinesisMaxRecordAgeHours()))
                    .reportBatchItemFailures(true)
                    .onFailure(new SqsDlq(streamFailures))
                    .build()));
        }
    }
}
