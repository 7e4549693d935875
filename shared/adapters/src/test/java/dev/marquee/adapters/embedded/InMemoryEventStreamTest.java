package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.testing.contract.EventStreamContract;

import java.util.List;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryEventStreamTest extends EventStreamContract {
    private InMemoryEventStream inMemory;

    @Override
    protected EventStream newStream() {
        inMemory = new InMemoryEventStream();
        return inMemory;
    }

    @Override
    protected List<InteractionEvent> delivered(int expected) {
        try {
            return inMemory.poll(Integer.MAX_VALUE, 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
