package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.CandidateStore;

import java.util.List;

/**
 * The user's collaborative-filtering candidates, precomputed by the training job under the active model version;
 * explained as what users with similar tastes liked.
 */
public final class PrecomputedCandidatesGenerator implements CandidateGenerator {
    public static final String NAME = "precomputed_cf";
    private final CandidateStore store;

    public PrecomputedCandidatesGenerator(CandidateStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        if (context.modelVersion() == null) {
            return List.of();
        }
        List<Candidate> list = store.get(context.modelVersion(), CandidateKind.USER, context.request().userId());
        return list.stream().limit(max)
                .map(c -> new Recommendation(c.itemId(), c.score(), Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), NAME))
                .toList();
    }
}
