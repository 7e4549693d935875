package dev.marquee.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.ingest.EventValidator;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.runtime.metrics.EmfMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ingest function, for SQS and Kinesis batches alike. Valid events go through the ingest pipeline (lake first,
 * then features); poison records go to the dead-letter sink with their reason and are not retried; everything
 * that failed for a passing reason is named in batchItemFailures, so only those records come back.
 */
@Named("ingest")
public class StreamBatchHandler implements RequestHandler<StreamBatch, BatchResponse> {
    private static final Logger LOG = Logger.getLogger(StreamBatchHandler.class);
    /** Events wait in a stream up to 14 days (SQS) and may be replayed: age is not a reason to refuse them here. */
    private static final Duration MAX_AGE_ON_STREAM = Duration.ofDays(3650);
    /**
     * Batches this large are decoded and validated on all the function's cores (the common pool, in order); below it
     * the hand-off costs more than it saves. Decoding is pure, so the order and the outcome are the same either way.
     */
    private static final int PARALLEL_DECODE_FROM = 512;

    private final IngestPipeline pipeline;
    private final DeadLetterSink deadLetters;
    private final EmfMetrics metrics;
    private final RecordDecoder decoder;

    @Inject
    public StreamBatchHandler(IngestPipeline pipeline, DeadLetterSink deadLetters, EmfMetrics metrics, ObjectMapper json, Clock clock) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.decoder = new RecordDecoder(json, new EventValidator(clock, Duration.ofMinutes(5), MAX_AGE_ON_STREAM,
                () -> UUID.randomUUID().toString()));
    }

    @Override
    public BatchResponse handleRequest(StreamBatch batch, Context context) {
        long start = System.nanoTime();
        List<IngestPipeline.Delivery> deliveries = new ArrayList<>(batch.records().size());
        List<DeadLetterSink.DeadLetter> poison = new ArrayList<>();
        List<StreamBatch.Record> records = batch.records();
        List<RecordDecoder.Decoded> decoded = records.size() < PARALLEL_DECODE_FROM
                ? records.stream().map(decoder::decode).toList()
                : records.parallelStream().map(decoder::decode).toList();
        for (int i = 0; i < records.size(); i++) {
            StreamBatch.Record record = records.get(i);
            RecordDecoder.Decoded d = decoded.get(i);
            if (d.event() != null) {
                deliveries.add(new IngestPipeline.Delivery(record.itemIdentifier(), d.event()));
            } else {
                poison.add(new DeadLetterSink.DeadLetter(record.eventSource(), record.itemIdentifier(), d.payload(), d.poisonReason()));
            }
        }
        List<String> failed = new ArrayList<>();
        if (!poison.isEmpty()) {
            try {
                deadLetters.send(poison);
                LOG.warnf("Dead-lettered %d poison records, first: %s", poison.size(), poison.get(0).reason());
            } catch (RuntimeException e) {
                // cannot park them: let the event source retry them (and its own DLQ catch them at last)
                LOG.errorf("Dead-letter sink failed (%s); %d poison records left for redelivery", e.getMessage(), poison.size());
                poison.forEach(p -> failed.add(p.recordId()));
            }
        }
        IngestPipeline.Outcome outcome = pipeline.ingest(deliveries);
        failed.addAll(outcome.failedRecordIds());
        if (outcome.failure() != null) {
            LOG.warnf("Ingest degraded: %s (%d records for redelivery)", outcome.failure(), outcome.failedRecordIds().size());
        }
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("EventsWritten", outcome.written());
        m.put("FeaturesApplied", outcome.featuresApplied());
        m.put("PoisonRecords", poison.size());
        m.put("RecordsFailed", failed.size());
        m.put("BatchDurationMs", (System.nanoTime() - start) / 1_000_000.0);
        metrics.emit("ingest", m);
        return BatchResponse.failing(failed);
    }
}
