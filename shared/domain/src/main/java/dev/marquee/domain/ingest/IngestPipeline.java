package dev.marquee.domain.ingest;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One delivered batch of valid events: first durably into the lake, then into the real-time features (at most
 * once per event id), then the users' cached responses are invalidated. A failure reports the affected records
 * for redelivery and never drops an event: the lake may then hold a copy twice, which the trainer removes by
 * de-duplicating on event_id; the features do not double-count because updates are keyed by event_id.
 */
public final class IngestPipeline {

    /** An event and the id of the stream record that carried it (SQS message id, Kinesis sequence number). */
    public record Delivery(String recordId, InteractionEvent event) {
    }

    /** What happened: records to redeliver, and counts for metrics. */
    public record Outcome(List<String> failedRecordIds, int written, int featuresApplied, String failure) {
    }

    private final EventLake lake;
    private final FeatureStore features;
    private final ResponseCache cache;
    private final EventWeights weights;
    private final FeatureUpdate.Limits limits;

    public IngestPipeline(EventLake lake, FeatureStore features, ResponseCache cache, EventWeights weights, FeatureUpdate.Limits limits) {
        this.lake = lake;
        this.features = features;
        this.cache = cache;
        this.weights = weights;
        this.limits = limits;
    }

    public Outcome ingest(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return new Outcome(List.of(), 0, 0, null);
        }
        List<InteractionEvent> events = deliveries.stream().map(Delivery::event).toList();
        try {
            lake.append(events);
        } catch (RuntimeException e) {
            // nothing is acknowledged unless it is in the lake
            return new Outcome(ids(deliveries), 0, 0, "lake: " + e.getMessage());
        }
        int applied;
        try {
            applied = features.applyAll(events.stream().map(e -> FeatureUpdate.of(e, weights)).toList(), limits);
        } catch (StoreUnavailableException e) {
            // the events are safe in the lake; redelivery brings the features up to date, at most once each
            return new Outcome(ids(deliveries), events.size(), 0, e.getMessage());
        }
        Set<String> users = new LinkedHashSet<>();
        events.forEach(e -> users.add(e.userId()));
        try {
            cache.invalidateAll(users);
        } catch (StoreUnavailableException e) {
            // a stale cached answer expires by its own short TTL; not worth redelivering a durable batch for
            return new Outcome(List.of(), events.size(), applied, e.getMessage());
        }
        return new Outcome(List.of(), events.size(), applied, null);
    }

    private static List<String> ids(List<Delivery> deliveries) {
        List<String> out = new ArrayList<>(deliveries.size());
        deliveries.forEach(d -> out.add(d.recordId()));
        return out;
    }
}
