package dev.marquee.adapters.redis;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCodecTest {

    @Test
    void encodesCompactlyAndRoundTrips() {
        RecentInteraction played = new RecentInteraction("i4", EventType.PLAY, Instant.ofEpochMilli(1_780_315_204_000L));

        assertThat(RecentCodec.encode(played)).isEqualTo("1780315204000|play|i4");
        assertThat(RecentCodec.decode(RecentCodec.encode(played))).contains(played);
    }

    @Test
    void keepsSubMillisecondTimesAndSeparatorsInItemIds() {
        RecentInteraction odd = new RecentInteraction("a|b", EventType.ADD_TO_LIST, Instant.parse("2026-06-01T12:00:00.123456789Z"));

        assertThat(RecentCodec.decode(RecentCodec.encode(odd))).contains(odd);
    }

    @Test
    void padsTheSubMillisecondPartToSixDigits() {
        RecentInteraction early = new RecentInteraction("i4", EventType.PLAY, Instant.ofEpochMilli(1_780_315_204_000L).plusNanos(5));

        assertThat(RecentCodec.encode(early)).isEqualTo("1780315204000.000005|play|i4");
        assertThat(RecentCodec.decode(RecentCodec.encode(early))).contains(early);
    }

    @Test
    void skipsAnEventTypeThisVersionDoesNotKnow() {
        assertThat(RecentCodec.decode("1780315204000|teleport|i4")).isEmpty();
    }
}
