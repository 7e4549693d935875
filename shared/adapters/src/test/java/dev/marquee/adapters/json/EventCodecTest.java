package dev.marquee.adapters.json;

import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();

    @Test
    void writesTheFlatSnakeCaseFormInAFixedFieldOrder() {
        InteractionEvent e = new InteractionEvent("ev1", "u1", "i1", EventType.ADD_TO_LIST, Instant.parse("2026-06-01T12:00:00.5Z"),
                42.5, 4.0, "t", new EventContext("tv", "DE", "s-1", "homepage"));

        assertThat(codec.encode(e)).isEqualTo("{\"event_id\":\"ev1\",\"user_id\":\"u1\",\"item_id\":\"i1\",\"event_type\":\"add_to_list\","
                + "\"timestamp\":\"2026-06-01T12:00:00.500Z\",\"progress_pct\":42.5,\"rating\":4.0,\"tracking_token\":\"t\","
                + "\"context\":{\"device\":\"tv\",\"country\":\"DE\",\"session_id\":\"s-1\",\"surface\":\"homepage\"}}");
        assertThat(codec.decode(codec.encode(e))).isEqualTo(e);
    }

    @Test
    void leavesAbsentFieldsAndAnEmptyContextOut() {
        InteractionEvent e = new InteractionEvent("ev2", "u2", "i2", EventType.PLAY, Instant.parse("2026-06-01T12:00:01Z"), null, null, null,
                EventContext.EMPTY);

        assertThat(codec.encode(e)).isEqualTo(
                "{\"event_id\":\"ev2\",\"user_id\":\"u2\",\"item_id\":\"i2\",\"event_type\":\"play\",\"timestamp\":\"2026-06-01T12:00:01Z\"}");
    }
}
