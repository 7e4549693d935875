package dev.marquee.testing.contract;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.RequestSignals;
import dev.marquee.domain.ranking.SignalTables;
import dev.marquee.domain.ranking.TreeEnsemble;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link Ranker} must do. Subclasses turn a tree ensemble over a feature schema into their ranker (an ONNX
 * session of the exported model, or the plain-Java trees read back from it).
 */
public abstract class RankerContract {
    private static final FeatureSchema V1 = FeatureSchema.V1;

    /** The adapter for these trees; throws StoreUnavailableException ("ranker") for a schema it does not serve. */
    protected abstract Ranker rankerFor(TreeEnsemble trees, FeatureSchema schema, RequestSignals signals);

    /** One tree: cf_score < 0.5 scores 0, else 1 + 0.5 when popularity_global_log >= 1. Base 0.25. */
    private static TreeEnsemble cfThenPopularity() {
        int cf = V1.indexOf("cf_score");
        int pop = V1.indexOf("popularity_global_log");
        // node 0: cf < 0.5 ? 1 : 2; node 1 leaf 0; node 2: pop < 1 ? 3 : 4; leaves 1.0 and 1.5
        return new TreeEnsemble(V1.width(), new int[]{0},
                new int[]{cf, 0, pop, 0, 0},
                new float[]{0.5f, 0f, 1f, 1f, 1.5f},
                new int[]{1, -1, 3, -1, -1},
                new int[]{2, -1, 4, -1, -1},
                new boolean[5], 0.25f, false);
    }

    /** Items a..d: user factor (1), item factors giving cf 0.1, 0.9, 0.9, 0.2; c is popular (log1p(5) > 1). */
    private static RequestSignals signals() {
        Map<String, float[]> items = new HashMap<>();
        items.put("a", new float[]{0.1f});
        items.put("b", new float[]{0.9f});
        items.put("c", new float[]{0.9f});
        items.put("d", new float[]{0.2f});
        SignalTables tables = new SignalTables(Map.of("u1", new float[]{1f}), items, Map.of(), Map.of(), Map.of(),
                Map.of(SignalTables.GLOBAL, Map.of("c", 5.0)), Map.of());
        return (context, ids) -> tables;
    }

    private static RecommendationContext context() {
        return new RecommendationContext(new RecommendationRequest("u1", "homepage", 10, "US", "tv", Set.of()),
                UserProfile.anonymous("u1"), new Segment("US", "tv"), Set.of(), "v1");
    }

    private static List<Recommendation> candidates() {
        return List.of(
                new Recommendation("a", 4, Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "precomputed_cf"),
                new Recommendation("b", 3, Reason.of(ReasonType.BECAUSE_YOU_WATCHED), "because_you_watched"),
                new Recommendation("c", 2, Reason.of(ReasonType.TRENDING_IN_COUNTRY), "popular_in_segment"),
                new Recommendation("d", 1, Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "precomputed_cf"));
    }

    @Test
    void candidatesComeBackBestFirstWithTheModelScoresAndTheirSourcesAndReasons() {
        List<Recommendation> ranked = rankerFor(cfThenPopularity(), V1, signals()).rank(context(), candidates());

        assertThat(ranked).extracting(Recommendation::itemId).containsExactly("c", "b", "a", "d");
        assertThat(ranked.get(0).score()).isCloseTo(1.75, within(1e-6));
        assertThat(ranked.get(1).score()).isCloseTo(1.25, within(1e-6));
        assertThat(ranked.get(2).score()).isCloseTo(0.25, within(1e-6));
        assertThat(ranked.get(0).source()).isEqualTo("popular_in_segment");
        assertThat(ranked.get(0).reason().type()).isEqualTo(ReasonType.TRENDING_IN_COUNTRY);
    }

    @Test
    void equalScoresKeepTheCandidateOrder() {
        List<Recommendation> ranked = rankerFor(cfThenPopularity(), V1, signals()).rank(context(),
                List.of(candidates().get(3), candidates().get(0)));

        assertThat(ranked).extracting(Recommendation::itemId).containsExactly("d", "a");
    }

    @Test
    void noCandidatesRankToAnEmptyList() {
        assertThat(rankerFor(cfThenPopularity(), V1, signals()).rank(context(), List.of())).isEmpty();
    }

    @Test
    void aModelOfAnUnknownFeatureSchemaIsRefusedAsRankerUnavailable() {
        FeatureSchema future = new FeatureSchema("ranker-features-v999", V1.features());

        assertThatThrownBy(() -> rankerFor(cfThenPopularity(), future, signals()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("unknown feature schema")
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("ranker"));
    }
}
