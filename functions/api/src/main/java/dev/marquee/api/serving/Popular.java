package dev.marquee.api.serving;

import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.Segment;

import java.util.List;
import java.util.Set;

/** Popular in a segment (country x device) under the active model; the in-memory list when that cannot be read. */
public final class Popular {
    private final ActiveModel model;
    private final SegmentPopularity segments;
    private final FallbackPopularity fallback;
    private final ReadBudget budget;

    public Popular(ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback, ReadBudget budget) {
        this.model = model;
        this.segments = segments;
        this.fallback = fallback;
        this.budget = budget;
    }

    public ServedList popular(Segment segment, int limit) {
        Degradation degraded = new Degradation(budget);
        String version = model.versionOrNull(degraded);
        if (version != null) {
            List<ListedItem> items = degraded.attempt(() -> segments.popular(version, segment, limit), "candidates");
            if (items != null && !items.isEmpty()) {
                return new ServedList(items, version, degraded.name());
            }
        }
        degraded.add(StaticPopularity.NAME);
        return new ServedList(StaticPopularity.of(fallback, segment.country(), Set.of(), limit), version, degraded.name());
    }
}
