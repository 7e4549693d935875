package dev.marquee.domain.ranking;

import dev.marquee.domain.funnel.RecommendationContext;

import java.util.List;

/** Gathers, for one request, what the extractor reads about the user and the candidates (batched look-ups). */
@FunctionalInterface
public interface RequestSignals {

    FeatureInputs gather(RecommendationContext context, List<String> candidateIds);
}
