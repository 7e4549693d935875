package dev.marquee.domain.ranking;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionedRankerTest {
    private static final List<Recommendation> CANDIDATES = List.of(
            new Recommendation("a", 2, Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "precomputed_cf"),
            new Recommendation("b", 1, Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "precomputed_cf"));
    private static final Ranker REVERSE = (c, list) -> {
        List<Recommendation> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    };

    private static RecommendationContext at(String version) {
        return new RecommendationContext(new RecommendationRequest("u", "homepage", 10, null, null, Set.of()),
                UserProfile.anonymous("u"), Segment.GLOBAL, Set.of(), version);
    }

    @Test
    void eachVersionsRankerIsLoadedOnceAndFollowsTheActiveVersion() {
        List<String> loads = new ArrayList<>();
        VersionedRanker ranker = new VersionedRanker(v -> {
            loads.add(v);
            return v.equals("v2") ? REVERSE : null;
        });

        assertThat(ranker.rank(at("v1"), CANDIDATES)).extracting(Recommendation::itemId).containsExactly("a", "b");
        assertThat(ranker.rank(at("v2"), CANDIDATES)).extracting(Recommendation::itemId).containsExactly("b", "a");
        assertThat(ranker.rank(at("v2"), CANDIDATES)).extracting(Recommendation::itemId).containsExactly("b", "a");
        assertThat(loads).containsExactly("v1", "v2");
    }

    @Test
    void aVersionWhoseRankerCannotLoadIsRankerUnavailableWithoutRetryingEveryRequest() {
        List<String> loads = new ArrayList<>();
        VersionedRanker ranker = new VersionedRanker(v -> {
            loads.add(v);
            throw new StoreUnavailableException("ranker", "unknown feature schema ranker-features-v9", null);
        });

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> ranker.rank(at("v3"), CANDIDATES))
                    .isInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("ranker"));
        }
        assertThat(loads).containsExactly("v3");
        assertThat(ranker.warm("v3")).contains("unknown feature schema");
    }
}
