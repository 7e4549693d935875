package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small worlds for the generator and rule tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private Fixtures() {
    }

    static Item item(String id, String genre, int daysOld, String... countries) {
        return new Item(id, id, List.of(genre), List.of(), "movie", NOW.minus(Duration.ofDays(daysOld)), Set.of(countries), Map.of());
    }

    static Map<String, Item> byId(Item... items) {
        Map<String, Item> m = new HashMap<>();
        Arrays.stream(items).forEach(i -> m.put(i.itemId(), i));
        return m;
    }

    static Recommendation rec(String id) {
        return new Recommendation(id, 1.0, Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "test");
    }

    static List<Recommendation> recs(String... ids) {
        return Arrays.stream(ids).map(Fixtures::rec).toList();
    }

    static List<String> ids(List<Recommendation> recs) {
        return recs.stream().map(Recommendation::itemId).toList();
    }

    static RecommendationContext context(int limit) {
        return context(new RecommendationRequest("u1", "homepage", limit, null, null, Set.of()), Set.of(), List.of());
    }

    static RecommendationContext context(RecommendationRequest request, Set<String> seen, List<RecentInteraction> recent) {
        return context(request, UserProfile.anonymous(request.userId()), seen, recent);
    }

    static RecommendationContext context(RecommendationRequest request, UserProfile profile, Set<String> seen,
                                         List<RecentInteraction> recent) {
        String country = request.country() != null ? request.country() : profile.country();
        return new RecommendationContext(request, profile, new Segment(country, null), seen, "v1", recent, NOW);
    }

    static UserProfile withPreferences(String user, List<String> genres, List<String> seeds) {
        return new UserProfile(user, "GB", null, new Preferences(genres, seeds), Map.of());
    }
}
