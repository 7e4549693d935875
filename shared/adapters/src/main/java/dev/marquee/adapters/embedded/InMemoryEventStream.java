package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for Kinesis: an unbounded in-process queue. A local consumer drains it in batches,
 * the way the ingest function receives Kinesis batches.
 */
public final class InMemoryEventStream implements EventStream {
    private final LinkedBlockingQueue<InteractionEvent> queue = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public List<InteractionEvent> publish(List<InteractionEvent> events) {
        queue.addAll(events);
        published.addAndGet(events.size());
        return List.of();
    }

    /** How many events were ever published (consumed or not). */
    public long publishedCount() {
        return published.get();
    }

    /** Takes up to {@code max} events, waiting up to {@code waitMillis} for the first one. */
    public List<InteractionEvent> poll(int max, long waitMillis) throws InterruptedException {
        List<InteractionEvent> batch = new ArrayList<>(Math.min(max, 1024));
        InteractionEvent first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, max - 1);
        }
        return batch;
    }

    public int pending() {
        return queue.size();
    }
}
