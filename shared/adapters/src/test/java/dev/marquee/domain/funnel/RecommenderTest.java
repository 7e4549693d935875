package dev.marquee.domain.funnel;

import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.experiment.VariantSpec;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Variants end to end: each user served by their variant's funnel, the answer signed with variant and positions. */
class RecommenderTest {
    private final ServingWorld world = new ServingWorld();
    private final TrackingTokens tokens = new TrackingTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            world.clock, Duration.ofDays(30));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void eachVariantRunsItsOwnFunnelAndTheTokenSaysWhichServed() {
        VariantSpec control = new VariantSpec("control", 1, List.of("popular_in_segment"), List.of("remove_seen", "availability"), true,
                VariantSpec.RuleParams.DEFAULT);
        VariantSpec fresh = new VariantSpec("fresh", 1, List.of("new_releases"), List.of("remove_seen", "availability"), false,
                VariantSpec.RuleParams.DEFAULT);
        Recommender recommender = world.factory(null).recommender("exp", List.of(control, fresh), ServingWorld.SETTINGS, tokens);

        for (int u = 0; u < 20; u++) {
            String user = "user" + u;
            RecommendationList list = recommender.recommend(ServingWorld.request(user, 4));

            String variant = recommender.variantOf(user);
            assertThat(list.variant()).isEqualTo(variant);
            assertThat(list.items()).extracting(Recommendation::source)
                    .containsOnly(variant.equals("control") ? PopularInSegmentGenerator.NAME : NewReleasesGenerator.NAME);
            TrackingTokens.Verified v = tokens.verify(list.trackingToken(), user);
            assertThat(v.ok()).isTrue();
            TrackingToken t = v.token();
            assertThat(t.variant()).isEqualTo(variant);
            assertThat(t.modelVersion()).isEqualTo("v1");
            assertThat(t.positionOf(list.items().get(2).itemId())).isEqualTo(3);
        }
        assertThat(recommender.funnel("control").hasRanker()).isFalse();
    }
}
