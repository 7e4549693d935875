package dev.marquee.adapters.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.stream.PublishBatches;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Publishes events to a Kinesis data stream with PutRecords: one record per event, data = {@link EventCodec} JSON,
 * partition key = user id, so one user's events land on one shard in the order they were published (a retried
 * record may land after later ones).
 *
 * <p>Requests hold at most 500 records and 5 MiB (data plus partition keys), Kinesis' limits; an event over 1 MiB
 * is returned as not taken. Records Kinesis reports as throttled or failed internally are retried, alone, up to
 * {@link Options#maxAttempts()} attempts in all, with exponential backoff and jitter; records failed otherwise are
 * not. A whole request that is throttled, answered with a 5xx or not answered (connection refused, timeout) ends
 * that attempt: its records and those not sent yet wait for the next one. Whatever is still failed is returned.
 *
 * <p>The stream throws {@link StoreUnavailableException} when no event of this publish was taken and the last
 * attempt failed as a whole, or at once when Kinesis refuses a request for good (stream missing, access denied).
 * Once some were taken it returns the events not (known to be) taken instead, those of a request whose answer was
 * lost included; the event id makes a redelivery idempotent downstream.
 */
public final class KinesisEventStream implements EventStream {
    public static final String STORE = "kinesis";
    public static final int MAX_REQUEST_RECORDS = 500;
    public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    public static final int MAX_RECORD_BYTES = 1024 * 1024;
    /** Kinesis' partition keys are 1 to 256 characters; user ids are shorter, this is for safety. */
    static final int MAX_PARTITION_KEY_CHARS = 256;

    /**
     * @param maxAttempts    attempts per record, first one included (1 = no retry)
     * @param initialBackoff wait before the first retry; doubled for each further one
     * @param maxBackoff     the longest wait between attempts
     */
    public record Options(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public static final Options DEFAULTS = new Options(4, Duration.ofMillis(50), Duration.ofSeconds(1));

        public Options {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }
    }

    private final KinesisJsonClient kinesis;
    private final String stream;
    private final EventCodec codec;
    private final Options options;

    /** @param stream the stream's name, or its ARN (arn:aws:kinesis:...) */
    public KinesisEventStream(KinesisJsonClient kinesis, String stream) {
        this(kinesis, stream, new EventCodec(), Options.DEFAULTS);
    }

    public KinesisEventStream(KinesisJsonClient kinesis, String stream, EventCodec codec, Options options) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public List<InteractionEvent> publish(List<InteractionEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Outgoing> notTaken = new ArrayList<>();
        List<Outgoing> pending = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Outgoing o = encode(i, events.get(i));
            (o.bytes() > MAX_RECORD_BYTES ? notTaken : pending).add(o);
        }

        int taken = 0;
        Exception attemptFailure = null; // why the latest attempt stopped early, if it did
        for (int attempt = 1; attempt <= options.maxAttempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !sleepBeforeAttempt(attempt)) {
                break;
            }
            attemptFailure = null;
            List<Outgoing> retry = new ArrayList<>();
            List<List<Outgoing>> requests = requests(pending);
            for (int r = 0; r < requests.size(); r++) {
                List<Outgoing> request = requests.get(r);
                JsonNode response = null;
                try {
                    response = kinesis.call("PutRecords", body(request));
                } catch (KinesisServiceException e) {
                    if (!e.retryable()) {
                        if (taken == 0) {
                            throw unavailable(e);
                        }
                        notTaken.addAll(retry);
                        requests.subList(r, requests.size()).forEach(notTaken::addAll);
                        return inInputOrder(notTaken);
                    }
                    attemptFailure = e;
                } catch (IOException | SdkException e) { // SdkException: the credentials could not be resolved
                    attemptFailure = e;
                }
                if (response == null) {
                    // sending the rest now would most likely fail the same way: they all wait for the next attempt
                    requests.subList(r, requests.size()).forEach(retry::addAll);
                    break;
                }
                taken += sort(request, response, retry, notTaken);
            }
            pending = retry;
        }
        if (!pending.isEmpty() && attemptFailure != null && taken == 0) {
            throw unavailable(attemptFailure);
        }
        notTaken.addAll(pending);
        return inInputOrder(notTaken);
    }

    /** Files each record of a PutRecords answer as taken (counted), to retry or not taken; returns the count taken. */
    private static int sort(List<Outgoing> request, JsonNode response, List<Outgoing> retry, List<Outgoing> notTaken) {
        JsonNode results = response.path("Records");
        if (!results.isArray() || results.size() != request.size()) {
            retry.addAll(request); // an answer that does not match the request: nothing is known, send again
            return 0;
        }
        int taken = 0;
        for (int i = 0; i < request.size(); i++) {
            JsonNode result = results.get(i);
            String error = result.path("ErrorCode").asText(null);
            if (error == null && result.hasNonNull("SequenceNumber")) {
                taken++;
            } else if (error == null || KinesisServiceException.retryableCode(error)) {
                retry.add(request.get(i));
            } else {
                notTaken.add(request.get(i));
            }
        }
        return taken;
    }

    private ObjectNode body(List<Outgoing> request) {
        ObjectNode body = kinesis.json().createObjectNode();
        body.put(stream.startsWith("arn:") ? "StreamARN" : "StreamName", stream);
        ArrayNode records = body.putArray("Records");
        Base64.Encoder base64 = Base64.getEncoder();
        for (Outgoing o : request) {
            records.addObject().put("Data", base64.encodeToString(o.data())).put("PartitionKey", o.partitionKey());
        }
        return body;
    }

    private Outgoing encode(int index, InteractionEvent e) {
        byte[] data = codec.encode(e).getBytes(StandardCharsets.UTF_8);
        String key = partitionKey(e.userId());
        return new Outgoing(index, e, data, key, data.length + key.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Consecutive runs of at most 500 records and 5 MiB. */
    private static List<List<Outgoing>> requests(List<Outgoing> pending) {
        return PublishBatches.cut(pending, MAX_REQUEST_RECORDS, MAX_REQUEST_BYTES, Outgoing::bytes);
    }

    private boolean sleepBeforeAttempt(int attempt) {
        return PublishBatches.sleepBeforeAttempt(attempt, options.initialBackoff(), options.maxBackoff());
    }

    private StoreUnavailableException unavailable(Exception cause) {
        return new StoreUnavailableException(STORE, "PutRecords to " + stream + " at " + kinesis.endpoint() + " failed: "
                + cause.getMessage(), cause);
    }

    private static List<InteractionEvent> inInputOrder(List<Outgoing> failed) {
        return failed.stream().sorted(Comparator.comparingInt(Outgoing::index)).map(Outgoing::event).toList();
    }

    /** The user id, or its SHA-256 when it is no valid partition key (empty or too long): still one shard per user. */
    static String partitionKey(String userId) {
        if (!userId.isEmpty() && userId.length() <= MAX_PARTITION_KEY_CHARS) {
            return userId;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outgoing(int index, InteractionEvent event, byte[] data, String partitionKey, int bytes) {
    }
}
