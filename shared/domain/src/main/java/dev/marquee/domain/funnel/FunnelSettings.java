package dev.marquee.domain.funnel;

import java.time.Duration;
import java.util.Objects;

/**
 * How one funnel (one A/B variant) runs: its variant name, how many candidates each generator may propose and how
 * many survive the merge, and the latency budget of each stage.
 */
public record FunnelSettings(String variant, int perGenerator, int maxCandidates, Budgets budgets) {

    /** Per-stage latency budgets: context reads, generators (all at once), the ranker, the catalog read for the rules. */
    public record Budgets(Duration context, Duration generators, Duration ranker, Duration catalog) {
        public static final Budgets DEFAULT = new Budgets(Duration.ofMillis(40), Duration.ofMillis(60), Duration.ofMillis(40),
                Duration.ofMillis(40));
    }

    public static final FunnelSettings DEFAULT = new FunnelSettings("default", 200, 500, Budgets.DEFAULT);

    public FunnelSettings {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(budgets, "budgets");
        if (perGenerator < 1 || maxCandidates < 1) {
            throw new IllegalArgumentException("candidate counts must be positive");
        }
    }

    public FunnelSettings withVariant(String name) {
        return new FunnelSettings(name, perGenerator, maxCandidates, budgets);
    }
}
