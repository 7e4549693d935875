package dev.marquee.domain.experiment;

import dev.marquee.domain.funnel.ItemFilter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One A/B variant as configured: its share of users, which generators run (blend order) and which rules apply
 * (in order), whether the ranker orders the candidates, and the rules' parameters.
 */
public record VariantSpec(String name, double share, List<String> generators, List<String> rules, boolean ranker,
                          RuleParams params) {

    public VariantSpec {
        Objects.requireNonNull(name, "name");
        generators = List.copyOf(generators);
        rules = List.copyOf(rules);
        Objects.requireNonNull(params, "params");
    }

    /** The rules' parameters. */
    public record RuleParams(int diversityMaxPerGenre, int diversityWindow, double freshnessBoost, Duration freshnessHalfLife,
                             double explorationShare, Duration explorationMaxItemAge, ItemFilter promotionFilter,
                             double promotionShare) {
        public static final RuleParams DEFAULT = new RuleParams(2, 5, 0.3, Duration.ofDays(30), 0.08, Duration.ofDays(30),
                ItemFilter.NONE, 0.1);

        public RuleParams {
            promotionFilter = promotionFilter == null ? ItemFilter.NONE : promotionFilter;
        }
    }
}
