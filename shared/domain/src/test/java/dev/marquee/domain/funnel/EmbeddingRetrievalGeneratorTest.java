package dev.marquee.domain.funnel;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingRetrievalGeneratorTest {
    // 2-d vectors: a and b point one way, x and y the other
    private final EmbeddingIndex index = new EmbeddingIndex(2, List.of("a", "b", "x", "y"),
            new float[]{1, 0, 0.9f, 0.1f, 0, 1, 0.1f, 0.9f}, List.of("likes-a"), new float[]{1, 0});
    private final EmbeddingRetrievalGenerator generator = new EmbeddingRetrievalGenerator(EmbeddingSource.fixed(index));

    private static RecommendationRequest request(String user) {
        return new RecommendationRequest(user, "homepage", 10, null, null, Set.of());
    }

    @Test
    void aTrainedUserGetsTheItemsClosestToTheirVectorMinusWhatTheySaw() {
        List<Recommendation> out = generator.generate(context(request("likes-a"), Set.of("a"), List.of()), 2);

        assertThat(ids(out)).containsExactly("b", "y");
        assertThat(out).allSatisfy(r -> {
            assertThat(r.reason().type()).isEqualTo(ReasonType.POPULAR_WITH_SIMILAR_USERS);
            assertThat(r.source()).isEqualTo(EmbeddingRetrievalGenerator.NAME);
        });
    }

    @Test
    void aUserUnknownToTheModelIsFoldedInFromTheirRecentPositiveEvents() {
        List<RecentInteraction> recent = List.of(new RecentInteraction("x", EventType.COMPLETE, Instant.EPOCH),
                new RecentInteraction("a", EventType.SKIP, Instant.EPOCH));

        List<Recommendation> out = generator.generate(context(request("fresh"), Set.of("x", "a"), recent), 1);

        assertThat(ids(out)).containsExactly("y");
    }

    @Test
    void withNoVectorsOrNoHistoryItProposesNothing() {
        assertThat(generator.generate(context(request("fresh"), Set.of(), List.of()), 5)).isEmpty();
        assertThat(new EmbeddingRetrievalGenerator(v -> Optional.empty()).generate(context(request("likes-a"), Set.of(), List.of()), 5))
                .isEmpty();
    }
}
