package dev.marquee.adapters.s3;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.S3MockBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the S3 server stopped, reads and writes fail loudly: a model that exists is never reported as missing and
 * a lake range that holds events is never reported as empty.
 */
class S3OutageIT {
    private static final Instant T0 = Instant.parse("2026-03-04T10:15:00Z");
    private static S3MockBackend server;
    private static S3Client s3;
    private static S3ModelStore models;
    private static S3EventLake lake;

    @BeforeAll
    static void writeThenStopTheServer() {
        server = S3MockBackend.start();
        System.out.printf("S3Mock started in %d ms at %s%n", server.startupTime().toMillis(), server.endpoint());
        s3 = server.client();
        String bucket = Fixtures.unique("outage");
        s3.createBucket(b -> b.bucket(bucket));
        models = new S3ModelStore(s3, bucket);
        lake = new S3EventLake(s3, bucket, Clock.systemUTC());
        models.put("v1", "manifest.json", new byte[]{1});
        lake.append(List.of(Fixtures.event("u1", "i1", EventType.PLAY, T0)));
        assertThat(models.get("v1", "manifest.json")).isPresent();

        server.close();
    }

    @AfterAll
    static void closeClient() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void modelReadsAreUnavailableNotEmpty() {
        assertUnavailable(() -> models.get("v1", "manifest.json"));
        assertUnavailable(() -> models.get("v1", "never-written.json"));
        assertUnavailable(models::versions);
        assertUnavailable(() -> models.artifacts("v1"));
    }

    @Test
    void modelWritesAreUnavailable() {
        assertUnavailable(() -> models.put("v2", "manifest.json", new byte[]{2}));
    }

    @Test
    void lakeScansAndAppendsAreUnavailableNotEmpty() {
        assertUnavailable(() -> lake.scan(T0, T0.plusSeconds(60), (InteractionEvent e) -> {
        }));
        assertUnavailable(() -> lake.append(List.of(Fixtures.event("u2", "i2", EventType.PLAY, T0))));
    }

    private static void assertUnavailable(Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("s3"));
    }
}
