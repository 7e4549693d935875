package dev.marquee.adapters.s3;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.lake.JsonLinesGzip;
import dev.marquee.adapters.lake.LakeLayout;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * The event lake in an S3 bucket: exactly the layout and format of {@code LocalFolderEventLake}
 * ({@link LakeLayout}, {@link JsonLinesGzip}), under an optional key prefix.
 *
 * <p>Objects are stored as {@code Content-Type: application/x-ndjson} with {@code Content-Encoding: gzip}: the
 * bytes are the gzip of newline-delimited JSON, which is what those two headers say. The SDK does not decompress
 * on download, and neither does this reader's HTTP path; readers that do (browsers, {@code curl --compressed})
 * get plain JSON lines, which is still correct content.
 *
 * <p>Every S3 failure (connection refused, timeout, 5xx, throttling after the SDK's own retries, access denied,
 * a missing bucket) surfaces as {@link StoreUnavailableException}; an object that cannot be decompressed is an
 * {@link IllegalStateException} naming its key.
 */
public final class S3EventLake implements EventLake {
    public static final String CONTENT_TYPE = "application/x-ndjson";
    public static final String CONTENT_ENCODING = "gzip";
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final JsonLinesGzip format;
    private final Clock clock;
    private final int pageSize;

    public S3EventLake(S3Client s3, String bucket, Clock clock) {
        this(s3, bucket, "", new EventCodec(), clock, DEFAULT_PAGE_SIZE);
    }

    public S3EventLake(S3Client s3, String bucket, String keyPrefix, Clock clock) {
        this(s3, bucket, keyPrefix, new EventCodec(), clock, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param keyPrefix prepended to every key ("" for none; a missing trailing slash is added)
     * @param pageSize  keys per ListObjectsV2 page (1..1000); smaller only to exercise paging
     */
    public S3EventLake(S3Client s3, String bucket, String keyPrefix, EventCodec codec, Clock clock, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be in 1..1000: " + pageSize);
        }
        this.s3 = s3;
        this.bucket = S3Keys.requireBucket(bucket);
        this.prefix = S3Keys.normalizePrefix(keyPrefix);
        this.format = new JsonLinesGzip(codec);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Writes one object per hour partition; returns the full object keys (key prefix included). A batch that spans
     * several partitions (an hour boundary, late events) puts them concurrently, so its latency is one PUT's rather
     * than their sum: each partition is compressed and put on its own virtual thread. When any put fails the whole
     * append fails once all have settled; objects already written stay, and the trainer drops the copies a retry adds
     * (it de-duplicates on event_id).
     */
    @Override
    public List<String> append(List<InteractionEvent> events) {
        Map<String, List<InteractionEvent>> partitions = LakeLayout.byPartition(events);
        List<String> keys = new ArrayList<>(partitions.size());
        partitions.forEach((partition, partitionEvents) -> keys.add(prefix + LakeLayout.newObjectKey(partition, clock.instant())));
        List<List<InteractionEvent>> bodies = List.copyOf(partitions.values());
        if (keys.size() == 1) {
            put(keys.get(0), bodies.get(0), 1);
            return keys;
        }
        try (ExecutorService puts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                List<InteractionEvent> body = bodies.get(i);
                pending.add(puts.submit(() -> put(key, body, keys.size())));
            }
            RuntimeException first = null;
            for (Future<?> put : pending) {
                try {
                    put.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException(S3Keys.STORE, "interrupted while writing " + keys.size() + " lake objects", e);
                }
            }
            if (first != null) {
                throw first;
            }
        }
        return keys;
    }

    private void put(String key, List<InteractionEvent> events, int objectsInBatch) {
        byte[] body = format.write(events);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key)
                            .contentType(CONTENT_TYPE)
                            .contentEncoding(CONTENT_ENCODING)
                            .contentLength((long) body.length),
                    RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw S3Keys.unavailable("put s3://" + bucket + "/" + key + " (one of " + objectsInBatch + " partition objects of this batch)", e);
        }
    }

    @Override
    public void scan(Instant fromInclusive, Instant toExclusive, Consumer<InteractionEvent> sink) {
        Consumer<InteractionEvent> inRange = e -> {
            if (!e.timestamp().isBefore(fromInclusive) && e.timestamp().isBefore(toExclusive)) {
                try {
                    sink.accept(e);
                } catch (RuntimeException failure) {
                    throw new SinkFailure(failure);
                }
            }
        };
        try {
            for (String partition : LakeLayout.partitionsBetween(fromInclusive, toExclusive)) {
                for (String key : objectsIn(prefix + partition)) {
                    read(key, inRange);
                }
            }
        } catch (SinkFailure f) {
            throw f.getCause();
        }
    }

    /** The lake objects in one partition, oldest write first (keys start with the write time). */
    private List<String> objectsIn(String partitionPrefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket).prefix(partitionPrefix).delimiter("/").maxKeys(pageSize).build();
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                if (o.key().endsWith(".jsonl.gz")) {
                    keys.add(o.key());
                }
            }
            keys.sort(null);
            return keys;
        } catch (SdkException e) {
            throw S3Keys.unavailable("list s3://" + bucket + "/" + partitionPrefix, e);
        }
    }

    private void read(String key, Consumer<InteractionEvent> sink) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            format.read(in, sink);
        } catch (SdkException e) {
            // includes NoSuchKey: the object was listed a moment ago, so losing it is not "no events"
            throw S3Keys.unavailable("get s3://" + bucket + "/" + key, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ZipException) {
                throw new IllegalStateException("corrupt lake object s3://" + bucket + "/" + key + ": " + e.getCause().getMessage(), e);
            }
            throw new StoreUnavailableException(S3Keys.STORE, "reading s3://" + bucket + "/" + key + " failed: " + e.getCause(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException(S3Keys.STORE, "closing s3://" + bucket + "/" + key + " failed: " + e, e);
        }
    }

    /** Carries an exception thrown by the caller's sink past this class's own error mapping. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
