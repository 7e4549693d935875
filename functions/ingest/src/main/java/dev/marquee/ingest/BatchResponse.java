package dev.marquee.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The partial batch response Lambda understands for both SQS and Kinesis (ReportBatchItemFailures): only the
 * named records are retried.
 */
@RegisterForReflection
public record BatchResponse(@JsonProperty("batchItemFailures") List<ItemFailure> batchItemFailures) {

    @RegisterForReflection
    public record ItemFailure(@JsonProperty("itemIdentifier") String itemIdentifier) {
    }

    public static BatchResponse failing(List<String> ids) {
        return new BatchResponse(ids.stream().map(ItemFailure::new).toList());
    }
}
