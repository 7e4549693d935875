package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.ScoredItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Embedding retrieval: the user's vector against every item vector of the active model, top-K by dot product.
 * A user the model has not seen (new since training) is folded in from the recent items they engaged with, so a
 * first event already personalises the next answer; a user with neither gets nothing from here.
 */
public final class EmbeddingRetrievalGenerator implements CandidateGenerator {
    public static final String NAME = "embedding_retrieval";
    private static final int FOLD_IN_ITEMS = 20;

    private final EmbeddingSource vectors;

    public EmbeddingRetrievalGenerator(EmbeddingSource vectors) {
        this.vectors = vectors;
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
        EmbeddingIndex index = vectors.forVersion(context.modelVersion()).orElse(null);
        if (index == null) {
            return List.of();
        }
        Set<String> positives = new LinkedHashSet<>();
        for (RecentInteraction r : context.recent()) {
            if (r.type().defaultWeight() > 0 && positives.size() < FOLD_IN_ITEMS) {
                positives.add(r.itemId());
            }
        }
        float[] query = index.user(context.request().userId());
        if (query == null) {
            query = index.meanOf(positives);
        }
        if (query == null) {
            return List.of();
        }
        List<ScoredItem> top = index.top(query, max, context.seen().isEmpty() ? positives : context.seen());
        List<Recommendation> out = new ArrayList<>(top.size());
        Reason reason = Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS);
        for (ScoredItem s : top) {
            out.add(new Recommendation(s.itemId(), s.score(), reason, NAME));
        }
        return out;
    }
}
