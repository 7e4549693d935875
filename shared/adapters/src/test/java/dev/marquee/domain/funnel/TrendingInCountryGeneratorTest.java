package dev.marquee.domain.funnel;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrendingInCountryGeneratorTest {
    private final ServingWorld world = new ServingWorld();

    @AfterEach
    void close() {
        world.close();
    }

    private static RecommendationContext context(String country) {
        return new RecommendationContext(new RecommendationRequest("u", "homepage", 5, country, null, Set.of()),
                dev.marquee.domain.model.UserProfile.anonymous("u"), new dev.marquee.domain.model.Segment(country, null), Set.of(), "v1",
                List.of(), ServingWorld.NOW);
    }

    @Test
    void trendingInTheUsersCountryExplainedByTheCountryOrEverywhereWhenUnknown() {
        world.features.bumpTrending("GB", "gb-hit", 5, ServingWorld.NOW);
        world.features.bumpTrending("GB", "gb-second", 2, ServingWorld.NOW);
        world.features.bumpTrending(FeatureUpdate.GLOBAL, "global-hit", 9, ServingWorld.NOW);
        TrendingInCountryGenerator g = new TrendingInCountryGenerator(world.features);

        List<Recommendation> gb = g.generate(context("GB"), 5);
        List<Recommendation> anywhere = g.generate(context(null), 5);

        assertThat(gb).extracting(Recommendation::itemId).containsExactly("gb-hit", "gb-second");
        assertThat(gb).allSatisfy(r -> {
            assertThat(r.reason().type()).isEqualTo(ReasonType.TRENDING_IN_COUNTRY);
            assertThat(r.reason().detail()).isEqualTo("GB");
        });
        assertThat(anywhere).extracting(Recommendation::itemId).containsExactly("global-hit");
    }
}
