package dev.marquee.domain.training;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingDataTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-21T00:00:00Z");

    private static EventLake lake(List<InteractionEvent> events) {
        return new EventLake() {
            @Override
            public List<String> append(List<InteractionEvent> e) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void scan(Instant from, Instant to, Consumer<InteractionEvent> sink) {
                events.stream().filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to)).forEach(sink);
            }
        };
    }

    private static DeletionLog deletions(Map<String, Instant> deleted) {
        return new DeletionLog() {
            @Override
            public void record(String userId, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Instant> deletedSince(Instant since) {
                return deleted;
            }
        };
    }

    private static InteractionEvent ev(String id, String user, String item, EventType type, String at) {
        return InteractionEvent.of(id, user, item, type, Instant.parse(at));
    }

    @Test
    void duplicatesByEventIdAreCountedOnceAndTheFirstCopyWins() {
        List<InteractionEvent> events = List.of(
                ev("e1", "u1", "i1", EventType.PLAY, "2026-11-10T00:00:00Z"),
                ev("e1", "u1", "i2", EventType.PLAY, "2026-11-10T00:00:00Z"),
                ev("e2", "u2", "i1", EventType.CLICK, "2026-11-11T00:00:00Z"));
        TrainingData d = TrainingData.read(lake(events), null, FROM, TO, EventWeights.defaults(), null, null);
        assertThat(d.eventsRead()).isEqualTo(3);
        assertThat(d.duplicatesDropped()).isEqualTo(1);
        assertThat(d.userIds()).containsExactly("u1", "u2");
        assertThat(d.itemIds()).containsExactly("i1");
        assertThat(d.interactions()).hasSize(2);
        assertThat(d.interactions().getFirst().weight()).isEqualTo(EventType.PLAY.defaultWeight());
    }

    @Test
    void eventsOfDeletedUsersUpToTheirDeletionAreDropped() {
        List<InteractionEvent> events = List.of(
                ev("e1", "u1", "i1", EventType.PLAY, "2026-11-05T00:00:00Z"),
                ev("e2", "u1", "i2", EventType.PLAY, "2026-11-10T00:00:00Z"),
                ev("e3", "u1", "i3", EventType.PLAY, "2026-11-15T00:00:00Z"),
                ev("e4", "u2", "i1", EventType.PLAY, "2026-11-05T00:00:00Z"));
        List<InteractionEvent> kept = new ArrayList<>();
        TrainingData d = TrainingData.read(lake(events), deletions(Map.of("u1", Instant.parse("2026-11-10T00:00:00Z"))),
                FROM, TO, EventWeights.defaults(), null, kept::add);
        // deleted at exactly the time of e2: e1 and e2 go, e3 (after the deletion, a returning user) stays
        assertThat(d.deletedUserEventsDropped()).isEqualTo(2);
        assertThat(kept).extracting(InteractionEvent::eventId).containsExactly("e3", "e4");
        assertThat(d.itemIds()).containsExactly("i3", "i1");
    }

    @Test
    void negativeEventsLowerThePairAndANetNegativePairIsDropped() {
        List<InteractionEvent> events = List.of(
                ev("e1", "u1", "i1", EventType.CLICK, "2026-11-05T00:00:00Z"),
                ev("e2", "u1", "i1", EventType.DISLIKE, "2026-11-06T00:00:00Z"),
                ev("e3", "u1", "i2", EventType.COMPLETE, "2026-11-06T00:00:00Z"),
                ev("e4", "u1", "i2", EventType.SKIP, "2026-11-07T00:00:00Z"),
                ev("e5", "u1", "i3", EventType.IMPRESSION, "2026-11-07T00:00:00Z"));
        TrainingData d = TrainingData.read(lake(events), null, FROM, TO, EventWeights.defaults(), null, null);
        assertThat(d.zeroWeightDropped()).isEqualTo(1);
        assertThat(d.itemIds()).containsExactly("i1", "i2");
        InteractionMatrix m = d.matrix();
        assertThat(m.itemsOf(0)).containsExactly(1); // i1: 1 - 4 < 0 dropped; i2: 4 - 1 = 3 kept
        assertThat(m.nonZeros()).isEqualTo(1);
    }

    @Test
    void decayHalvesTheWeightEveryHalfLifeBeforeTheEnd() {
        List<InteractionEvent> events = List.of(
                ev("e1", "u1", "i1", EventType.PLAY, "2026-11-20T00:00:00Z"),
                ev("e2", "u1", "i2", EventType.PLAY, "2026-11-14T00:00:00Z"));
        TrainingData d = TrainingData.read(lake(events), null, FROM, TO, EventWeights.defaults(), Duration.ofDays(1), null);
        assertThat(d.interactions().get(0).weight()).isCloseTo(1.0, within(1e-9)); // 1 day old: 2 * 1/2
        assertThat(d.interactions().get(1).weight()).isCloseTo(2.0 / 128, within(1e-9)); // 7 days old
    }
}
