package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Recommendation;

import java.util.List;

/** A deterministic, auditable step of stage 4; each rule is its own class. */
public interface ReRankRule {

    String name();

    List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context);
}
