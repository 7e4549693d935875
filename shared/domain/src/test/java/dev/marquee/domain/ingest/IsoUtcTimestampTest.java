package dev.marquee.domain.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class IsoUtcTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T18:04:05Z", "2026-11-21T18:04:05.1Z", "2026-11-21T18:04:05.123Z",
            "2026-11-21T18:04:05.123456789Z", "2024-02-29T23:59:59.000001Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void readsTheUtcShapeToTheSameInstantAsTheIsoParser(String timestamp) {
        assertThat(IsoUtcTimestamp.parse(timestamp)).isEqualTo(OffsetDateTime.parse(timestamp).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T18:04Z", "2026-11-21T18:04:05+02:00", "2026-11-21T18:04:05z", "2026-11-21 18:04:05Z",
            "2026-11-21T18:04:05.Z", "2026-11-21T18:04:05.1234567890Z", "2026-02-30T18:04:05Z", "2026-11-21T24:00:00Z",
            "2026-11-21T18:04:60Z", "2026-13-01T00:00:00Z", "+2026-11-21T18:04:05Z", "2026-1a-21T18:04:05Z", "2026-11-21T18:04:05.12a4Z",
            "20261121T180405Z"})
    void leavesEveryOtherShapeToTheIsoParser(String timestamp) {
        assertThat(IsoUtcTimestamp.parse(timestamp)).isNull();
    }

    @Test
    void agreesWithTheIsoParserOnEveryInstantItWrites() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            at = at.plusSeconds(7_919).plusNanos(i * 104_729L);
            String written = at.toString();
            assertThat(IsoUtcTimestamp.parse(written)).as(written).isEqualTo(at);
        }
    }

    @Test
    void rejectsOnlyWhatTheIsoParserRejectsToo() {
        for (String impossible : new String[]{"2026-02-30T18:04:05Z", "2026-11-21T18:04:60Z", "2026-11-31T00:00:00Z"}) {
            assertThat(IsoUtcTimestamp.parse(impossible)).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetDateTime.parse(impossible)).isInstanceOf(DateTimeException.class);
        }
    }
}
