package dev.marquee.domain.port;

import dev.marquee.domain.model.InteractionEvent;

import java.util.List;

/** Where accepted events go first (Kinesis or SQS in AWS, an in-memory queue locally); consumers write the lake. */
public interface EventStream {

    /**
     * Publishes the events; returns those the stream did not take (after the adapter's own retries), so the caller
     * can report them instead of claiming they were accepted. Throws {@link StoreUnavailableException} when the
     * stream is unreachable.
     */
    List<InteractionEvent> publish(List<InteractionEvent> events);
}
