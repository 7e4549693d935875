package dev.marquee.adapters.json;

import dev.marquee.domain.model.Attribution;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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

    @Test
    void anEventReadBackFromTheLakeCarriesTheVariantAndPositionOfItsTrackingToken() {
        Instant served = Instant.parse("2026-06-01T11:59:00Z");
        TrackingTokens tokens = new TrackingTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(served, ZoneOffset.UTC), Duration.ofDays(30));
        String token = tokens.issue(TrackingToken.of("b", "v7", "req-9", "u1", served, List.of("i5", "i6", "i1")));
        InteractionEvent click = new InteractionEvent("ev3", "u1", "i1", EventType.CLICK, Instant.parse("2026-06-01T12:00:00Z"),
                null, null, token, EventContext.EMPTY);

        InteractionEvent read = codec.decode(codec.encode(click));

        assertThat(read.attribution()).isEqualTo(new Attribution("b", "v7", "req-9", served, 3));
        assertThat(codec.decode(codec.encode(click.withAttribution(null))).trackingToken()).isEqualTo(token);
    }

    @Test
    void aTokenThisServiceCouldNotHaveIssuedGivesNoAttribution() {
        InteractionEvent e = new InteractionEvent("ev4", "u1", "i1", EventType.CLICK, Instant.parse("2026-06-01T12:00:00Z"),
                null, null, "not-a-token", EventContext.EMPTY);

        assertThat(codec.decode(codec.encode(e)).attribution()).isNull();
    }
}
