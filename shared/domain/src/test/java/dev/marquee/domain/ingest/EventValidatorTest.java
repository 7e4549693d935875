package dev.marquee.domain.ingest;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final EventValidator validator = EventValidator.standard(Clock.fixed(NOW, ZoneOffset.UTC));

    private static RawEvent raw(Object timestamp, Object type) {
        return new RawEvent("e1", "u1", "i1", type, timestamp, null, null, null, null);
    }

    @Test
    void aCompleteEventIsAcceptedWithEveryField() {
        EventValidator.Result r = validator.validate(new RawEvent("e1", "u1", "i9", "progress", "2026-11-21T11:59:00+01:00",
                37.5, null, "tok", Map.of("device", "tv", "country", "US", "session_id", "s-1", "surface", "homepage")));

        assertThat(r.valid()).isTrue();
        InteractionEvent e = r.event();
        assertThat(e.type()).isEqualTo(EventType.PROGRESS);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:59:00Z"));
        assertThat(e.progressPct()).isEqualTo(37.5);
        assertThat(e.context().country()).isEqualTo("US");
    }

    @Test
    void aMissingIdIsAssignedAndAMissingTimestampIsNow() {
        EventValidator.Result r = validator.validate(new RawEvent(null, "u1", "i1", "click", null, null, null, null, null));

        assertThat(r.valid()).isTrue();
        assertThat(r.event().eventId()).hasSize(36);
        assertThat(r.event().timestamp()).isEqualTo(NOW);
    }

    @Test
    void epochSecondsAndMillisecondsAreBothUnderstood() {
        long seconds = NOW.getEpochSecond() - 60;

        assertThat(validator.validate(raw(seconds, "play")).event().timestamp()).isEqualTo(NOW.minusSeconds(60));
        assertThat(validator.validate(raw(seconds * 1000, "play")).event().timestamp()).isEqualTo(NOW.minusSeconds(60));
        assertThat(validator.validate(raw(Long.toString(seconds), "play")).event().timestamp()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void farFutureStaleAndUnparseableTimestampsAreRejected() {
        assertThat(validator.validate(raw("2026-11-21T12:10:00Z", "play")).errors())
                .containsExactly(new FieldError("timestamp", "is more than 5 minutes in the future"));
        assertThat(validator.validate(raw("2025-01-01T00:00:00Z", "play")).errors())
                .extracting(FieldError::field).containsExactly("timestamp");
        assertThat(validator.validate(raw("yesterday", "play")).errors())
                .extracting(FieldError::field).containsExactly("timestamp");
        assertThat(validator.validate(raw("2026-11-21T11:00:00", "play")).errors())
                .as("no offset: ambiguous").extracting(FieldError::field).containsExactly("timestamp");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        EventValidator.Result r = validator.validate(new RawEvent(42, " ", null, "watch", null, 140, "five", "",
                Map.of("country", "usa", "mood", "happy")));

        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "event_id", "user_id", "item_id", "event_type", "progress_pct", "rating", "tracking_token",
                "context.country", "context.mood");
        assertThat(r.errors()).filteredOn(e -> e.field().equals("user_id")).extracting(FieldError::reason).containsExactly("is required");
    }

    @Test
    void aRatingEventNeedsARating() {
        assertThat(validator.validate(raw(null, "rate")).errors()).containsExactly(new FieldError("rating", "is required for event_type rate"));
    }

    @Test
    void eventTypesAreCaseInsensitiveAndNegativeTypesAreAccepted() {
        assertThat(validator.validate(raw(null, "DISLIKE")).event().type()).isEqualTo(EventType.DISLIKE);
        assertThat(validator.validate(raw(null, "add_to_list")).event().type()).isEqualTo(EventType.ADD_TO_LIST);
    }
}
