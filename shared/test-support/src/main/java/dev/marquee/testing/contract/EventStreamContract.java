package dev.marquee.testing.contract;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link EventStream} must do. Subclasses return a fresh stream and a way to read back what reached it
 * (the consumer's side), so the suite checks delivery, not just that publish returned.
 */
public abstract class EventStreamContract {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    protected EventStream stream;

    protected abstract EventStream newStream();

    /** Everything delivered to consumers so far, in any order, waiting up to a few seconds for it. */
    protected abstract List<InteractionEvent> delivered(int expected);

    @BeforeEach
    void createStream() {
        stream = newStream();
    }

    @Test
    void publishedEventsReachTheConsumerIntact() {
        InteractionEvent a = Fixtures.event("u1", "i1", EventType.PROGRESS, T0);
        InteractionEvent b = Fixtures.event("u2", "i2", EventType.RATE, T0.plusSeconds(1));

        assertThat(stream.publish(List.of(a, b))).isEmpty();

        assertThat(delivered(2)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aBatchLargerThanTheBackendsRequestLimitIsDeliveredWhole() {
        List<InteractionEvent> batch = IntStream.range(0, 137)
                .mapToObj(i -> Fixtures.event("u" + i, "i" + i, EventType.CLICK, T0.plusSeconds(i)))
                .toList();

        assertThat(stream.publish(batch)).isEmpty();

        assertThat(delivered(137)).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void anEmptyBatchIsANoOp() {
        assertThat(stream.publish(List.of())).isEmpty();
    }
}
