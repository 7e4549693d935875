package dev.marquee.adapters.lake;

import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.domain.port.LakeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deletion log over the local lake (LakeFiles' contract covers the S3 lake being the same). */
class LakeDeletionLogTest {
    private static final Instant T0 = Instant.parse("2026-11-21T19:45:00Z");

    @TempDir
    Path root;

    private LakeFiles files;
    private LakeDeletionLog log;

    @BeforeEach
    void createLog() {
        files = new LocalFolderLakeFiles(root);
        log = new LakeDeletionLog(files);
    }

    @Test
    void eachDeletionIsOneJsonLinesObjectInItsDayPartition() throws IOException {
        log.record("u1", T0);

        assertThat(files.list("deletions/")).singleElement().asString()
                .matches("deletions/dt=2026-11-21/20261121T194500Z-[0-9a-f-]{36}\\.jsonl");
        try (InputStream in = files.open(files.list("deletions/").getFirst()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"user_id\":\"u1\",\"deleted_at\":\"2026-11-21T19:45:00Z\"}\n");
        }
    }

    @Test
    void deletedSinceFindsTheUsersDeletedAtOrAfterTheInstant() {
        log.record("old", T0.minusSeconds(3 * 86_400));
        log.record("edge", T0);
        log.record("new", T0.plusSeconds(60));

        assertThat(log.deletedSince(T0)).isEqualTo(Map.of("edge", T0, "new", T0.plusSeconds(60)));
        assertThat(log.deletedSince(Instant.EPOCH)).containsOnlyKeys("old", "edge", "new");
    }

    @Test
    void aUserDeletedTwiceIsListedOnceWithTheLatestTime() {
        log.record("u1", T0.plusSeconds(90_000));
        log.record("u1", T0);

        assertThat(log.deletedSince(Instant.EPOCH)).isEqualTo(Map.of("u1", T0.plusSeconds(90_000)));
        assertThat(files.list("deletions/")).hasSize(2);
    }

    @Test
    void recordsOfTheSameSecondNeverOverwriteEachOther() {
        for (int i = 0; i < 20; i++) {
            log.record("u" + i, T0);
        }

        assertThat(log.deletedSince(T0)).hasSize(20);
    }

    @Test
    void aCorruptRecordIsReportedWithItsKeyNotSkipped() {
        files.put("deletions/dt=2026-11-21/20261121T194500Z-broken.jsonl", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> log.deletedSince(T0.minusSeconds(60)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("20261121T194500Z-broken.jsonl");
    }
}
