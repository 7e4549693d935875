package dev.marquee.api.serving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServingMetricsTest {

    @Test
    void aDegradedRecommendationCountsAsServedDegradedAndForItsVariant() {
        assertThat(ServingMetrics.values("recommendations", "redis_unavailable,static_popularity", "b"))
                .containsExactly(java.util.Map.entry("RecommendationsServed", 1), java.util.Map.entry("RecommendationsDegraded", 1),
                        java.util.Map.entry("RecommendationsVariant_b", 1));
    }

    @Test
    void aFullAnswerWithoutVariantIsServedAndNotDegraded() {
        assertThat(ServingMetrics.values("similar", null, null))
                .containsExactly(java.util.Map.entry("SimilarServed", 1), java.util.Map.entry("SimilarDegraded", 0));
    }
}
