package dev.marquee.domain.publish;

import dev.marquee.domain.ranking.FeatureSchema;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankerGateTest {
    private static final BundleDescription.Digest D = new BundleDescription.Digest("ab", 1);

    private static BundleDescription bundle(String schema, Double ranked, Double candidate, boolean withModel) {
        Map<String, Double> metrics = new java.util.HashMap<>(Map.of("ndcg@10", 0.3));
        if (ranked != null) {
            metrics.put(RankerGate.NDCG, ranked);
        }
        if (candidate != null) {
            metrics.put(RankerGate.CANDIDATE_NDCG, candidate);
        }
        Map<String, BundleDescription.Digest> artifacts = withModel ? Map.of(RankerGate.MODEL_FILE, D) : Map.of();
        return new BundleDescription("v1", artifacts, metrics, Map.of(), schema);
    }

    @Test
    void aBundleWithoutARankerPasses() {
        assertThat(RankerGate.DEFAULT.check(bundle(null, null, null, false)).accepted()).isTrue();
    }

    @Test
    void aRankerWithAnUnknownOrMissingSchemaIsRefused() {
        PublishGate.Decision unknown = RankerGate.DEFAULT.check(bundle("ranker-features-v99", 0.2, 0.1, true));
        assertThat(unknown.accepted()).isFalse();
        assertThat(unknown.reason()).contains("unknown ranker feature schema ranker-features-v99");
        assertThat(RankerGate.DEFAULT.check(bundle(null, 0.2, 0.1, true)).accepted()).isFalse();
    }

    @Test
    void aRankerBelowTheCandidateOrderByMoreThanTheMarginIsRefused() {
        String v1 = FeatureSchema.V1.version();
        RankerGate gate = new RankerGate(0.01);
        assertThat(gate.check(bundle(v1, 0.089, 0.1, true)).accepted()).isFalse();
        assertThat(gate.check(bundle(v1, 0.091, 0.1, true)).accepted()).isTrue();
        assertThat(gate.check(bundle(v1, 0.15, 0.1, true)).accepted()).isTrue();
    }

    @Test
    void aRankerWithoutItsEvaluationIsRefused() {
        assertThat(RankerGate.DEFAULT.check(bundle(FeatureSchema.V1.version(), null, 0.1, true)).reason())
                .contains("no finite ranker.ndcg@10");
    }
}
