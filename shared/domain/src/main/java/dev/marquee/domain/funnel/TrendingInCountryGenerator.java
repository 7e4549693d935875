package dev.marquee.domain.funnel;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.ScoredItem;
import dev.marquee.domain.port.FeatureStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is trending now in the user's country (decayed counters of the feature store), or everywhere when the
 * country is unknown. Real-time: an item that takes off shows here before any retraining. The list is the same for
 * everyone in a country, so it is read at most once per {@code refresh} per country and shared by the requests in
 * between (trending moves over hours; a second-old list is as good as a fresh one).
 */
public final class TrendingInCountryGenerator implements CandidateGenerator {
    public static final String NAME = "trending";
    private final FeatureStore features;
    private final Duration refresh;
    private final ConcurrentHashMap<String, Snapshot> byCountry = new ConcurrentHashMap<>();

    private record Snapshot(List<Recommendation> list, int asked, Instant readAt) {
    }

    public TrendingInCountryGenerator(FeatureStore features, Duration refresh) {
        this.features = features;
        this.refresh = refresh;
    }

    public TrendingInCountryGenerator(FeatureStore features) {
        this(features, Duration.ZERO);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        String country = context.country() == null ? FeatureUpdate.GLOBAL : context.country();
        Instant now = context.now();
        Snapshot s = byCountry.get(country);
        if (s == null || s.asked() < max || !now.isBefore(s.readAt().plus(refresh))) {
            s = new Snapshot(read(country, max, now), max, now);
            if (!refresh.isZero()) {
                byCountry.put(country, s);
            }
        }
        return s.list().size() <= max ? s.list() : s.list().subList(0, max);
    }

    private List<Recommendation> read(String country, int max, Instant now) {
        Reason reason = new Reason(ReasonType.TRENDING_IN_COUNTRY, null, country);
        List<ScoredItem> trending = features.trending(country, max, now);
        List<Recommendation> out = new ArrayList<>(trending.size());
        for (ScoredItem s : trending) {
            out.add(new Recommendation(s.itemId(), s.score(), reason, NAME));
        }
        return List.copyOf(out);
    }
}
