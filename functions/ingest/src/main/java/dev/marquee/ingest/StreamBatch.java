package dev.marquee.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * A Lambda event-source batch from SQS or Kinesis: both arrive as {"Records": [...]}; each record says which it
 * is in {@code eventSource}. Only the fields the ingest needs are mapped.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamBatch(@JsonProperty("Records") List<Record> records) {

    public StreamBatch {
        records = records == null ? List.of() : records;
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(
            @JsonProperty("eventSource") String eventSource,
            @JsonProperty("messageId") String messageId,
            @JsonProperty("body") String body,
            @JsonProperty("kinesis") Kinesis kinesis) {

        public boolean isKinesis() {
            return "aws:kinesis".equals(eventSource);
        }

        /** What batchItemFailures names: the SQS message id, or the Kinesis sequence number. */
        public String itemIdentifier() {
            return isKinesis() ? (kinesis == null ? null : kinesis.sequenceNumber()) : messageId;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kinesis(
            @JsonProperty("partitionKey") String partitionKey,
            @JsonProperty("sequenceNumber") String sequenceNumber,
            @JsonProperty("data") String data) {
    }
}
