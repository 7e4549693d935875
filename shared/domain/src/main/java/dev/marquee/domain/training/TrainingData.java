package dev.marquee.domain.training;

import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What training reads from the lake over [from, to): events de-duplicated by event id (the first copy wins), events
 * of erased users dropped up to the time of their latest deletion, each event weighted by {@link EventWeights}
 * (negative types lower the pair's sum; {@link InteractionMatrix} drops pairs whose sum is not positive), optionally
 * decayed by age, {@code weight * 2^(-(to - t) / halfLife)}. Users and items get dense indices in order of first
 * appearance; events of zero weight (impressions) are not interactions and do not introduce ids.
 */
public record TrainingData(List<String> userIds, List<String> itemIds, List<HeldOut.Interaction> interactions,
                           long eventsRead, long duplicatesDropped, long deletedUserEventsDropped, long zeroWeightDropped) {

    public int users() {
        return userIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    public InteractionMatrix matrix() {
        return matrix(java.util.function.UnaryOperator.identity());
    }

    /** The matrix of the interactions passed through {@code inputs} (e.g. {@link UserRecency}). */
    public InteractionMatrix matrix(java.util.function.UnaryOperator<List<HeldOut.Interaction>> inputs) {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(users(), items());
        for (HeldOut.Interaction i : inputs.apply(interactions)) {
            b.add(i.user(), i.item(), i.weight());
        }
        return b.build();
    }

    /**
     * @param halfLife null for no decay
     * @param kept     receives every event that survives de-duplication and the deletion cut-off (zero-weight
     *                 ones included), in lake order; may be null
     */
    public static TrainingData read(EventLake lake, DeletionLog deletions, Instant from, Instant to,
                                    EventWeights weights, Duration halfLife, Consumer<InteractionEvent> kept) {
        Objects.requireNonNull(lake, "lake");
        Objects.requireNonNull(weights, "weights");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to: " + from + " .. " + to);
        }
        if (halfLife != null && (halfLife.isZero() || halfLife.isNegative())) {
            throw new IllegalArgumentException("halfLife must be positive");
        }
        Map<String, Instant> deleted = deletions == null ? Map.of() : deletions.deletedSince(from);
        Collector c = new Collector(deleted, weights, halfLife, to, kept);
        lake.scan(from, to, c);
        return new TrainingData(List.copyOf(c.userIds), List.copyOf(c.itemIds), List.copyOf(c.interactions),
                c.read, c.duplicates, c.deletedDropped, c.zeroWeight);
    }

    private static final class Collector implements Consumer<InteractionEvent> {
        private final Map<String, Instant> deleted;
        private final EventWeights weights;
        private final double halfLifeMillis;
        private final long endMillis;
        private final Consumer<InteractionEvent> kept;
        private final Set<String> seenIds = new HashSet<>();
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> items = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final List<HeldOut.Interaction> interactions = new ArrayList<>();
        private long read;
        private long duplicates;
        private long deletedDropped;
        private long zeroWeight;

        Collector(Map<String, Instant> deleted, EventWeights weights, Duration halfLife, Instant end, Consumer<InteractionEvent> kept) {
            this.deleted = deleted;
            this.weights = weights;
            this.halfLifeMillis = halfLife == null ? 0 : halfLife.toMillis();
            this.endMillis = end.toEpochMilli();
            this.kept = kept;
        }

        @Override
        public void accept(InteractionEvent e) {
            read++;
            if (!seenIds.add(e.eventId())) {
                duplicates++;
                return;
            }
            Instant deletedAt = deleted.get(e.userId());
            if (deletedAt != null && !e.timestamp().isAfter(deletedAt)) {
                deletedDropped++;
                return;
            }
            if (kept != null) {
                kept.accept(e);
            }
            double w = weights.weightOf(e);
            if (w == 0.0) {
                zeroWeight++;
                return;
            }
            long t = e.timestamp().toEpochMilli();
            if (halfLifeMillis > 0) {
                w *= Math.pow(2, -Math.max(0, endMillis - t) / halfLifeMillis);
            }
            int u = users.computeIfAbsent(e.userId(), id -> {
                userIds.add(id);
                return userIds.size() - 1;
            });
            int i = items.computeIfAbsent(e.itemId(), id -> {
                itemIds.add(id);
                return itemIds.size() - 1;
            });
            interactions.add(new HeldOut.Interaction(u, i, w, t));
        }
    }
}
