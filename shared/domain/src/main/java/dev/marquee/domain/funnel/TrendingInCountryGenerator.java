package dev.marquee.domain.funnel;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;

import java.util.List;

/**
 * What is trending now in the user's country (decayed counters of the feature store), or everywhere when the
 * country is unknown. Real-time: an item that takes off shows here before any retraining.
 */
public final class TrendingInCountryGenerator implements CandidateGenerator {
    public static final String NAME = "trending";
    private final FeatureStore features;

    public TrendingInCountryGenerator(FeatureStore features) {
        this.features = features;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        String country = context.country() == null ? FeatureUpdate.GLOBAL : context.country();
        Reason reason = new Reason(ReasonType.TRENDING_IN_COUNTRY, null, country);
        List<ScoredItem> trending = features.trending(country, max, context.now());
        return trending.stream().map(s -> new Recommendation(s.itemId(), s.score(), reason, NAME)).toList();
    }
}
