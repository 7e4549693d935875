package dev.marquee.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.RawEventJson;
import dev.marquee.domain.ingest.EventValidator;
import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.ingest.RawEvent;
import dev.marquee.domain.model.InteractionEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * One stream record to an event, or the reason it can never become one (poison). The body is the public event
 * JSON: what the api publishes, or what a server-side producer sends to SQS; both pass the same validation.
 */
final class RecordDecoder {

    /** Exactly one of {@code event} and {@code poisonReason} is set; {@code payload} is kept for the dead letter. */
    record Decoded(InteractionEvent event, String poisonReason, String payload) {
    }

    private final ObjectMapper json;
    private final EventValidator validator;

    RecordDecoder(ObjectMapper json, EventValidator validator) {
        this.json = json;
        this.validator = validator;
    }

    Decoded decode(StreamBatch.Record record) {
        String payload;
        if (record.isKinesis()) {
            if (record.kinesis() == null || record.kinesis().data() == null) {
                return new Decoded(null, "kinesis record without data", "");
            }
            try {
                payload = new String(Base64.getDecoder().decode(record.kinesis().data()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Decoded(null, "kinesis data is not base64", record.kinesis().data());
            }
        } else {
            payload = record.body() == null ? "" : record.body();
        }
        RawEventJson.Parsed parsed;
        try {
            parsed = RawEventJson.read(json.readTree(payload));
        } catch (JsonProcessingException e) {
            return new Decoded(null, "not JSON: " + e.getOriginalMessage(), payload);
        }
        if (!parsed.errors().isEmpty()) {
            return new Decoded(null, describe(parsed.errors()), payload);
        }
        EventValidator.Result result = validator.validate(withStableId(parsed.event(), record));
        return result.valid() ? new Decoded(result.event(), null, payload) : new Decoded(null, describe(result.errors()), payload);
    }

    /**
     * A producer may leave event_id out; the id then derives from the record itself, so a redelivery of the same
     * record is recognised as a duplicate rather than counted again.
     */
    private static RawEvent withStableId(RawEvent raw, StreamBatch.Record record) {
        if (raw.eventId() != null || record.itemIdentifier() == null) {
            return raw;
        }
        String id = (record.isKinesis() ? "kinesis:" : "sqs:") + record.itemIdentifier();
        return new RawEvent(id, raw.userId(), raw.itemId(), raw.eventType(), raw.timestamp(), raw.progressPct(),
                raw.rating(), raw.trackingToken(), raw.context());
    }

    private static String describe(java.util.List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "));
    }
}
