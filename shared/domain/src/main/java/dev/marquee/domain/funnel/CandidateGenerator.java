package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Recommendation;

import java.util.List;

/** One source of candidates (stage 2). Each generator is its own class and says why it proposed each item. */
public interface CandidateGenerator {

    /** The generator's name, reported as the candidate's source. */
    String name();

    /** Up to {@code max} candidates, best first, each with its reason. */
    List<Recommendation> generate(RecommendationContext context, int max);
}
