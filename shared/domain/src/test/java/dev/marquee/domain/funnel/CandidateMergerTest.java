package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.marquee.domain.funnel.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

class CandidateMergerTest {
    private static Recommendation r(String id, ReasonType type, String source) {
        return new Recommendation(id, 1, new Reason(type, null, null), source);
    }

    @Test
    void blendsByRankAcrossGeneratorsInTheirOrder() {
        List<Recommendation> cf = List.of(r("a", ReasonType.POPULAR_WITH_SIMILAR_USERS, "cf"), r("b", ReasonType.POPULAR_WITH_SIMILAR_USERS, "cf"));
        List<Recommendation> trending = List.of(r("x", ReasonType.TRENDING_IN_COUNTRY, "trending"),
                r("y", ReasonType.TRENDING_IN_COUNTRY, "trending"), r("z", ReasonType.TRENDING_IN_COUNTRY, "trending"));

        assertThat(ids(CandidateMerger.merge(List.of(cf, trending), 10))).containsExactly("a", "x", "b", "y", "z");
    }

    @Test
    void anItemFromSeveralGeneratorsKeepsTheMostSpecificReasonAndEverySource() {
        List<Recommendation> trending = List.of(r("a", ReasonType.TRENDING_IN_COUNTRY, "trending"));
        List<Recommendation> byw = List.of(r("b", ReasonType.BECAUSE_YOU_WATCHED, "because_you_watched"),
                r("a", ReasonType.BECAUSE_YOU_WATCHED, "because_you_watched"));
        List<Recommendation> popular = List.of(r("a", ReasonType.POPULAR_WITH_SIMILAR_USERS, "popular"));

        List<Recommendation> merged = CandidateMerger.merge(List.of(trending, byw, popular), 10);

        assertThat(ids(merged)).containsExactly("a", "b");
        Recommendation a = merged.getFirst();
        assertThat(a.reason().type()).isEqualTo(ReasonType.BECAUSE_YOU_WATCHED);
        assertThat(a.source()).isEqualTo("because_you_watched");
        assertThat(a.sources()).containsExactly("because_you_watched", "trending", "popular");
        assertThat(merged.get(1).sources()).containsExactly("because_you_watched");
    }

    @Test
    void stopsAtTheCapOfDistinctItems() {
        List<Recommendation> one = List.of(r("a", ReasonType.NEW_RELEASE, "n"), r("b", ReasonType.NEW_RELEASE, "n"), r("c", ReasonType.NEW_RELEASE, "n"));
        List<Recommendation> two = List.of(r("a", ReasonType.TRENDING_IN_COUNTRY, "t"), r("d", ReasonType.TRENDING_IN_COUNTRY, "t"));

        List<Recommendation> merged = CandidateMerger.merge(List.of(one, two), 2);

        assertThat(ids(merged)).containsExactly("a", "b");
        assertThat(merged.getFirst().sources()).containsExactly("t", "n");
        assertThat(merged.getFirst().reason().type()).isEqualTo(ReasonType.TRENDING_IN_COUNTRY);
    }
}
