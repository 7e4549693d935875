package dev.marquee.adapters.sqs;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.stream.PublishBatches;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes events to an SQS queue with SendMessageBatch: one message per event, body = {@link EventCodec} JSON.
 *
 * <p>Batches hold at most 10 entries and at most 256 KiB of payload (body plus message attributes), SQS's limits;
 * an event too large for a message on its own is returned as not taken. Entries SQS reports as failed are retried,
 * alone, up to {@link Options#maxAttempts()} attempts in all, with exponential backoff and jitter; entries failed
 * through the sender's fault (invalid content) are not retried. Whatever is still failed is returned.
 *
 * <p>When a call fails outright (connection refused, timeout, throttling or 5xx after the SDK's own retries): if no
 * event of this publish has been accepted yet, {@link StoreUnavailableException}; otherwise the events not
 * (known to be) accepted are returned, those of the batch in flight included, which SQS may or may not have taken;
 * the event id makes a redelivery idempotent downstream.
 *
 * <p>FIFO queues (URL ending in {@code .fifo}) get the user id as message group and the event id as deduplication
 * id, so a retried entry is not delivered twice.
 */
public final class SqsEventStream implements EventStream {
    public static final String STORE = "sqs";
    public static final int MAX_BATCH_ENTRIES = 10;
    public static final int MAX_BATCH_BYTES = 256 * 1024;
    public static final String ATTR_EVENT_TYPE = "event_type";
    public static final String ATTR_EVENT_ID = "event_id";

    /**
     * @param messageAttributes add {@code event_type} and {@code event_id} String attributes (for filtering consumers)
     * @param maxAttempts       attempts per entry, first one included (1 = no retry)
     * @param initialBackoff    wait before the first retry; doubled for each further one
     * @param maxBackoff        the longest wait between attempts
     */
    public record Options(boolean messageAttributes, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public static final Options DEFAULTS = new Options(false, 4, Duration.ofMillis(50), Duration.ofSeconds(1));

        public Options {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        public Options withMessageAttributes(boolean on) {
            return new Options(on, maxAttempts, initialBackoff, maxBackoff);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final EventCodec codec;
    private final Options options;
    private final boolean fifo;

    public SqsEventStream(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, new EventCodec(), Options.DEFAULTS);
    }

    public SqsEventStream(SqsClient sqs, String queueUrl, EventCodec codec, Options options) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.options = Objects.requireNonNull(options, "options");
        this.fifo = queueUrl.endsWith(".fifo");
    }

    @Override
    public List<InteractionEvent> publish(List<InteractionEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Outgoing> failed = new ArrayList<>();
        List<Outgoing> pending = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Outgoing o = encode(i, events.get(i));
            if (o.bytes() > MAX_BATCH_BYTES) {
                failed.add(o);
            } else {
                pending.add(o);
            }
        }

        int accepted = 0;
        for (int attempt = 1; attempt <= options.maxAttempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !sleepBeforeAttempt(attempt)) {
                break;
            }
            List<Outgoing> retry = new ArrayList<>();
            List<List<Outgoing>> batches = batches(pending);
            for (int b = 0; b < batches.size(); b++) {
                List<Outgoing> batch = batches.get(b);
                SendMessageBatchResponse response;
                try {
                    response = send(batch);
                } catch (SdkException e) {
                    if (accepted == 0) {
                        throw new StoreUnavailableException(STORE, "SendMessageBatch to " + queueUrl + " failed: " + e.getMessage(), e);
                    }
                    // give back everything not known to be accepted: this batch, the batches after it, the retries
                    for (int rest = b; rest < batches.size(); rest++) {
                        failed.addAll(batches.get(rest));
                    }
                    failed.addAll(retry);
                    return inInputOrder(failed);
                }
                Map<String, Outgoing> byId = new LinkedHashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    byId.put(Integer.toString(i), batch.get(i));
                }
                for (SendMessageBatchResultEntry ok : response.successful()) {
                    if (byId.remove(ok.id()) != null) {
                        accepted++;
                    }
                }
                for (BatchResultErrorEntry error : response.failed()) {
                    Outgoing o = byId.remove(error.id());
                    if (o == null) {
                        continue;
                    }
                    if (Boolean.TRUE.equals(error.senderFault())) {
                        failed.add(o);
                    } else {
                        retry.add(o);
                    }
                }
                retry.addAll(byId.values()); // neither successful nor failed: unknown, send again
            }
            pending = retry;
        }
        failed.addAll(pending);
        return inInputOrder(failed);
    }

    private SendMessageBatchResponse send(List<Outgoing> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Outgoing o = batch.get(i);
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(o.body());
            if (!o.attributes().isEmpty()) {
                entry.messageAttributes(o.attributes());
            }
            if (fifo) {
                entry.messageGroupId(fifoId(o.event().userId())).messageDeduplicationId(fifoId(o.event().eventId()));
            }
            entries.add(entry.build());
        }
        return sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    }

    private Outgoing encode(int index, InteractionEvent e) {
        String body = codec.encode(e);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        Map<String, MessageAttributeValue> attributes = Map.of();
        if (options.messageAttributes()) {
            attributes = new LinkedHashMap<>();
            attributes.put(ATTR_EVENT_TYPE, stringAttribute(e.type().wireName()));
            attributes.put(ATTR_EVENT_ID, stringAttribute(e.eventId()));
            for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
                bytes += utf8Length(a.getKey()) + utf8Length(a.getValue().dataType()) + utf8Length(a.getValue().stringValue());
            }
        }
        return new Outgoing(index, e, body, attributes, bytes);
    }

    /** Consecutive runs of at most 10 entries and at most 256 KiB. */
    private static List<List<Outgoing>> batches(List<Outgoing> pending) {
        return PublishBatches.cut(pending, MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, Outgoing::bytes);
    }

    private boolean sleepBeforeAttempt(int attempt) {
        return PublishBatches.sleepBeforeAttempt(attempt, options.initialBackoff(), options.maxBackoff());
    }

    private static List<InteractionEvent> inInputOrder(List<Outgoing> failed) {
        return failed.stream().sorted(Comparator.comparingInt(Outgoing::index)).map(Outgoing::event).toList();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A FIFO group or deduplication id: SQS allows up to 128 characters of [!-~]; other ids are hashed. */
    private static String fifoId(String id) {
        if (!id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c >= '!' && c <= '~')) {
            return id;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outgoing(int index, InteractionEvent event, String body, Map<String, MessageAttributeValue> attributes, int bytes) {
    }
}
