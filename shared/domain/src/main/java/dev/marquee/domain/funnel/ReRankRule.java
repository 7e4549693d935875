package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;

import java.util.List;
import java.util.Map;

/**
 * A deterministic, auditable step of stage 4; each rule is its own class. Rules see the catalog entries of the
 * candidates, fetched once per request by the funnel ({@code items}; an id missing there is not in the catalog).
 */
public interface ReRankRule {

    String name();

    List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items);
}
