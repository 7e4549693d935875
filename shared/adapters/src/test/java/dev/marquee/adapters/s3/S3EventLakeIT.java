package dev.marquee.adapters.s3;

import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import dev.marquee.testing.contract.EventLakeContract;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 lake against the same contract as the local-folder lake, on a real S3 implementation (S3Mock). */
class S3EventLakeIT extends EventLakeContract {
    private static final Instant T0 = Instant.parse("2026-03-04T10:15:00Z");
    private static final S3Client s3 = LocalS3.client();

    private String bucket;



    @Override
    protected EventLake newLake() {
        bucket = Fixtures.unique("lake");
        s3.createBucket(b -> b.bucket(bucket));
        return new S3EventLake(s3, bucket, Clock.systemUTC());
    }

    @Test
    void objectsAreGzipJsonLinesWithContentTypeAndEncodingAndComeBackUndecoded() {
        String key = lake.append(List.of(Fixtures.event("u1", "i1", EventType.PLAY, T0))).getFirst();

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        assertThat(head.contentType()).isEqualTo("application/x-ndjson");
        // The SDK sends the body as "aws-chunked" (a checksum trailer) and appends that coding to the header;
        // S3 strips it when storing, S3Mock 5.2.0 keeps it ("gzip,aws-chunked"). Either way gzip is the content coding.
        assertThat(head.contentEncoding().split(",")[0]).isEqualTo("gzip");
        byte[] raw = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        assertThat(raw).hasSize(head.contentLength().intValue());
        assertThat(raw[0]).isEqualTo((byte) 0x1f);
        assertThat(raw[1]).isEqualTo((byte) 0x8b);
    }

    @Test
    void theS3LakeAndTheLocalFolderLakeShareLayoutAndFormat(@TempDir Path folder) throws IOException {
        List<InteractionEvent> written = IntStream.range(0, 30)
                .mapToObj(i -> Fixtures.event("u" + i, "i" + i, EventType.CLICK, T0.plusSeconds(i * 300L)))
                .toList();
        lake.append(written);

        // S3 -> folder: copy every object to the same relative path, read with the local lake
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            Path file = folder.resolve(o.key());
            Files.createDirectories(file.getParent());
            Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray());
        }
        List<InteractionEvent> readLocally = new ArrayList<>();
        new LocalFolderEventLake(folder, new EventCodec(), Clock.systemUTC()).scan(T0, T0.plusSeconds(86_400), readLocally::add);
        assertThat(readLocally).containsExactlyInAnyOrderElementsOf(written);

        // folder -> S3: upload what the local lake wrote, read with the S3 lake
        Path other = Files.createDirectory(folder.resolve("other"));
        List<InteractionEvent> local = List.of(Fixtures.event("u9", "i9", EventType.RATE, T0));
        List<String> keys = new LocalFolderEventLake(other, new EventCodec(), Clock.systemUTC()).append(local);
        String otherBucket = Fixtures.unique("lake");
        s3.createBucket(b -> b.bucket(otherBucket));
        try (Stream<Path> files = Files.walk(other)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String key = other.relativize(f).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket(otherBucket).key(key), RequestBody.fromFile(f));
            }
        }
        assertThat(keys.getFirst()).startsWith("events/dt=2026-03-04/hour=10/");
        List<InteractionEvent> readFromS3 = new ArrayList<>();
        new S3EventLake(s3, otherBucket, Clock.systemUTC()).scan(T0, T0.plusSeconds(1), readFromS3::add);
        assertThat(readFromS3).containsExactlyElementsOf(local);
    }

    @Test
    void aKeyPrefixSeparatesLakesInOneBucket() {
        EventLake tenant = new S3EventLake(s3, bucket, "tenant-a", Clock.systemUTC());
        InteractionEvent e = Fixtures.event("u1", "i1", EventType.PLAY, T0);

        List<String> keys = tenant.append(List.of(e));

        assertThat(keys).singleElement().asString().startsWith("tenant-a/events/dt=2026-03-04/hour=10/");
        List<InteractionEvent> tenantSees = new ArrayList<>();
        tenant.scan(T0, T0.plusSeconds(1), tenantSees::add);
        assertThat(tenantSees).containsExactly(e);
        List<InteractionEvent> rootSees = new ArrayList<>();
        lake.scan(T0, T0.plusSeconds(1), rootSees::add);
        assertThat(rootSees).isEmpty();
    }

    @Test
    void scanPagesThroughPartitionsWithManyObjects() {
        EventLake smallPages = new S3EventLake(s3, bucket, "", new EventCodec(), Clock.systemUTC(), 2);
        List<InteractionEvent> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            InteractionEvent e = Fixtures.event("u" + i, "i1", EventType.PLAY, T0.plusSeconds(i));
            smallPages.append(List.of(e));
            written.add(e);
        }

        List<InteractionEvent> read = new ArrayList<>();
        smallPages.scan(T0, T0.plusSeconds(3600), read::add);

        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).keyCount()).isEqualTo(7);
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void anExceptionFromTheSinkReachesTheCallerUnchanged() {
        lake.append(List.of(Fixtures.event("u1", "i1", EventType.PLAY, T0)));
        IllegalStateException boom = new IllegalStateException("sink full");

        assertThatThrownBy(() -> lake.scan(T0, T0.plusSeconds(1), e -> {
            throw boom;
        })).isSameAs(boom);
    }

    @Test
    void aCorruptObjectIsReportedWithItsKeyNotSkipped() {
        String key = "events/dt=2026-03-04/hour=10/20260304T101500Z-garbage.jsonl.gz";
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("not gzip at all"));

        assertThatThrownBy(() -> lake.scan(T0, T0.plusSeconds(1), e -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(key);
    }
}
