package dev.marquee.adapters.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters into an SQS queue (the ingest function's DLQ), one JSON message each with source, record id,
 * reason and the original payload, so an operator can inspect and redrive them. All or an exception.
 */
public final class SqsDeadLetterSink implements DeadLetterSink {
    /** A dead letter keeps at most this much of its payload: SQS messages stop at 256 KiB. */
    static final int MAX_PAYLOAD_CHARS = 200_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json = Json.newMapper();

    public SqsDeadLetterSink(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<DeadLetter> letters) {
        for (int from = 0; from < letters.size(); from += SqsEventStream.MAX_BATCH_ENTRIES) {
            List<DeadLetter> chunk = letters.subList(from, Math.min(letters.size(), from + SqsEventStream.MAX_BATCH_ENTRIES));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(encode(chunk.get(i))).build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                if (!response.failed().isEmpty()) {
                    throw new StoreUnavailableException("sqs-dlq", response.failed().size() + " dead letters refused: "
                            + response.failed().get(0).message(), null);
                }
            } catch (SdkException e) {
                throw new StoreUnavailableException("sqs-dlq", e.getMessage(), e);
            }
        }
    }

    String encode(DeadLetter l) {
        String payload = l.payload() == null ? "" : l.payload();
        boolean truncated = payload.length() > MAX_PAYLOAD_CHARS;
        try {
            return json.writeValueAsString(json.createObjectNode()
                    .put("source", l.source()).put("record_id", l.recordId()).put("reason", l.reason())
                    .put("payload", truncated ? payload.substring(0, MAX_PAYLOAD_CHARS) : payload)
                    .put("payload_truncated", truncated));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a message body this sink wrote (for operators' tools and tests). */
    public static DeadLetter decode(String body) {
        try {
            JsonNode n = Json.newMapper().readTree(body);
            return new DeadLetter(n.path("source").asText(null), n.path("record_id").asText(null),
                    n.path("payload").asText(""), n.path("reason").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dead letter: " + e.getOriginalMessage(), e);
        }
    }
}
