package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest releases available in the user's country, from the in-memory catalog index: items released at most
 * {@code maxAge} ago (none from the future), the newest first, scored by how recent they are. An item imported a
 * minute ago is a candidate at once, before any model has seen it.
 */
public final class NewReleasesGenerator implements CandidateGenerator {
    public static final String NAME = "new_releases";
    private final CatalogIndex catalog;
    private final Duration maxAge;

    public NewReleasesGenerator(CatalogIndex catalog, Duration maxAge) {
        this.catalog = catalog;
        this.maxAge = maxAge;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        Instant now = context.now();
        Reason reason = Reason.of(ReasonType.NEW_RELEASE);
        List<Recommendation> out = new ArrayList<>();
        for (Item item : catalog.newestFirst()) {
            if (out.size() >= max || item.releasedAt() == null || item.releasedAt().isBefore(now.minus(maxAge))) {
                break;
            }
            if (item.releasedAt().isAfter(now) || !item.isAvailableIn(context.country())
                    || context.seen().contains(item.itemId())) {
                continue;
            }
            double ageFraction = (double) Duration.between(item.releasedAt(), now).toSeconds() / maxAge.toSeconds();
            out.add(new Recommendation(item.itemId(), 1 - ageFraction, reason, NAME));
        }
        return out;
    }
}
