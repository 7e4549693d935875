package dev.marquee.testing.contract;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link EventLake} must do. Subclasses return a fresh, empty lake. */
public abstract class EventLakeContract {
    private static final Instant T0 = Instant.parse("2026-03-04T10:15:00Z");
    protected EventLake lake;

    protected abstract EventLake newLake();

    @BeforeEach
    void createLake() {
        lake = newLake();
    }

    @Test
    void scanReturnsEveryAppendedEventWithAllFieldsIntact() {
        InteractionEvent play = Fixtures.event("u1", "i1", EventType.PROGRESS, T0);
        InteractionEvent rate = Fixtures.event("u1", "i2", EventType.RATE, T0.plusSeconds(60));
        lake.append(List.of(play, rate));

        assertThat(scan(T0.minusSeconds(3600), T0.plusSeconds(3600))).containsExactlyInAnyOrder(play, rate);
    }

    @Test
    void appendWritesOneObjectPerHourPartitionUnderTheDocumentedLayout() {
        List<InteractionEvent> batch = IntStream.range(0, 50)
                .mapToObj(i -> Fixtures.event("u" + i, "i" + i, EventType.PLAY, T0.plusSeconds(i * 120L)))
                .toList();

        List<String> keys = lake.append(batch);

        // 50 events spread over 10:15..11:53 land in two hour partitions: compact files, not one per event
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).startsWith("events/dt=2026-03-04/hour=10/").endsWith(".jsonl.gz");
        assertThat(keys.get(1)).startsWith("events/dt=2026-03-04/hour=11/").endsWith(".jsonl.gz");
        assertThat(scan(T0.minusSeconds(1), T0.plusSeconds(7200))).hasSize(50);
    }

    @Test
    void scanHonoursTheHalfOpenTimeRange() {
        InteractionEvent before = Fixtures.event("u1", "i1", EventType.CLICK, T0.minusSeconds(1));
        InteractionEvent atStart = Fixtures.event("u1", "i2", EventType.CLICK, T0);
        InteractionEvent atEnd = Fixtures.event("u1", "i3", EventType.CLICK, T0.plusSeconds(600));
        lake.append(List.of(before, atStart, atEnd));

        assertThat(scan(T0, T0.plusSeconds(600))).containsExactly(atStart);
    }

    @Test
    void appendsAccumulateAcrossBatchesInTheSamePartition() {
        lake.append(List.of(Fixtures.event("u1", "i1", EventType.PLAY, T0)));
        lake.append(List.of(Fixtures.event("u2", "i1", EventType.PLAY, T0.plusSeconds(5))));

        assertThat(scan(T0, T0.plusSeconds(3600))).extracting(InteractionEvent::userId).containsExactlyInAnyOrder("u1", "u2");
    }

    @Test
    void scanOfAnEmptyRangeFindsNothing() {
        lake.append(List.of(Fixtures.event("u1", "i1", EventType.PLAY, T0)));

        assertThat(scan(T0.plusSeconds(86_400), T0.plusSeconds(90_000))).isEmpty();
    }

    private List<InteractionEvent> scan(Instant from, Instant to) {
        List<InteractionEvent> out = new ArrayList<>();
        lake.scan(from, to, out::add);
        return out;
    }
}
