package dev.marquee.domain.port;

import dev.marquee.domain.model.InteractionEvent;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The system of record for raw events: compact gzip JSON-lines objects partitioned by event time,
 * {@code events/dt=YYYY-MM-DD/hour=HH/<file>.jsonl.gz}.
 */
public interface EventLake {

    /**
     * Durably writes the events, one object per hour partition touched; returns the keys written.
     * When this returns, every event is stored; when it throws, the caller must retry the whole batch.
     */
    List<String> append(List<InteractionEvent> events);

    /** Streams every stored event whose timestamp lies in [from, to), partition by partition. */
    void scan(Instant fromInclusive, Instant toExclusive, Consumer<InteractionEvent> sink);
}
