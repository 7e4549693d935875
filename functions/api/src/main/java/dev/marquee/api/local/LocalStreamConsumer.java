package dev.marquee.api.local;

import dev.marquee.adapters.embedded.InMemoryEventStream;
import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Locally, plays the part of the ingest function: drains the in-memory stream in batches into the ingest
 * pipeline (lake, features, cache invalidation), so an event posted to the api shows in the next answer.
 * Batches that fail are put back and retried, as a stream would redeliver them.
 */
@ApplicationScoped
public class LocalStreamConsumer {
    private static final Logger LOG = Logger.getLogger(LocalStreamConsumer.class);
    private static final int BATCH = 1000;

    @Inject
    EventStream stream;

    @Inject
    IngestPipeline pipeline;

    private volatile boolean running;
    private Thread worker;

    void onStart(@Observes StartupEvent start, MarqueeConfig config) {
        if (config.backend() != MarqueeConfig.Backend.EMBEDDED || !(stream instanceof InMemoryEventStream queue)) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("local-stream-consumer").start(() -> consume(queue));
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void consume(InMemoryEventStream queue) {
        // keep draining after a stop request until the queue is empty: accepted events are never lost
        while (running || queue.pending() > 0) {
            try {
                List<InteractionEvent> batch = queue.poll(BATCH, 200);
                if (batch.isEmpty()) {
                    continue;
                }
                IngestPipeline.Outcome out = pipeline.ingest(batch.stream()
                        .map(e -> new IngestPipeline.Delivery(e.eventId(), e)).toList());
                if (!out.failedRecordIds().isEmpty()) {
                    LOG.warnf("Ingest of %d events failed (%s); retrying", out.failedRecordIds().size(), out.failure());
                    queue.publish(batch);
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Local stream consumer failed a batch", e);
            }
        }
    }
}
