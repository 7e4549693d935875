package dev.marquee.domain.experiment;

import dev.marquee.domain.funnel.AvailabilityRule;
import dev.marquee.domain.funnel.BecauseYouWatchedGenerator;
import dev.marquee.domain.funnel.CandidateGenerator;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.funnel.DiversityRule;
import dev.marquee.domain.funnel.EmbeddingRetrievalGenerator;
import dev.marquee.domain.funnel.EmbeddingSource;
import dev.marquee.domain.funnel.ExcludeRule;
import dev.marquee.domain.funnel.ExplorationRule;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.funnel.FilterRule;
import dev.marquee.domain.funnel.FreshnessBoostRule;
import dev.marquee.domain.funnel.Funnel;
import dev.marquee.domain.funnel.FunnelSettings;
import dev.marquee.domain.funnel.NewReleasesGenerator;
import dev.marquee.domain.funnel.OnboardingPreferenceGenerator;
import dev.marquee.domain.funnel.PopularInSegmentGenerator;
import dev.marquee.domain.funnel.PrecomputedCandidatesGenerator;
import dev.marquee.domain.funnel.PromotionRule;
import dev.marquee.domain.funnel.ReRankRule;
import dev.marquee.domain.funnel.RemoveSeenRule;
import dev.marquee.domain.funnel.TrendingInCountryGenerator;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.UserProfiles;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Builds a variant's funnel from its {@link VariantSpec}: generators and rules by name, so configuration (and an A/B
 * variant) can switch each one on or off. An unknown name is a start-up error listing the known ones.
 */
public final class FunnelFactory {
    public static final List<String> GENERATORS = List.of(BecauseYouWatchedGenerator.NAME, PrecomputedCandidatesGenerator.NAME,
            EmbeddingRetrievalGenerator.NAME, OnboardingPreferenceGenerator.NAME, TrendingInCountryGenerator.NAME,
            NewReleasesGenerator.NAME, PopularInSegmentGenerator.NAME);
    public static final List<String> RULES = List.of(RemoveSeenRule.NAME, ExcludeRule.NAME, AvailabilityRule.NAME, FilterRule.NAME,
            FreshnessBoostRule.NAME, DiversityRule.NAME, ExplorationRule.NAME, PromotionRule.NAME);

    /** What the funnels are built from: the ports, the in-memory indexes and the shared executor. */
    public record Parts(UserProfiles profiles, FeatureStore features, ModelRegistry registry, ItemCatalog catalog,
                        CandidateStore candidates, CatalogIndex catalogIndex, EmbeddingSource embeddings, Ranker ranker,
                        FallbackPopularity fallback, ExecutorService executor, Clock clock, Duration newReleasesMaxAge,
                        int coldStartUntilInteractions, Duration trendingRefresh) {
    }

    private final Parts parts;

    public FunnelFactory(Parts parts) {
        this.parts = parts;
    }

    /** One funnel per variant, and the assignment of users to them by their shares. */
    public Recommender recommender(String salt, List<VariantSpec> variants, FunnelSettings settings,
                                   dev.marquee.domain.tracking.TrackingTokens tokens) {
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Funnel> funnels = new LinkedHashMap<>();
        for (VariantSpec v : variants) {
            shares.put(v.name(), v.share());
            funnels.put(v.name(), build(v, settings.withVariant(v.name())));
        }
        return new Recommender(new VariantAssignment(salt, shares), funnels, tokens, parts.clock());
    }

    public Funnel build(VariantSpec spec, FunnelSettings settings) {
        List<CandidateGenerator> generators = new ArrayList<>();
        for (String name : spec.generators()) {
            generators.add(generator(name));
        }
        List<ReRankRule> rules = new ArrayList<>();
        for (String name : spec.rules()) {
            rules.add(rule(name, spec.params()));
        }
        return new Funnel(parts.profiles(), parts.features(), parts.registry(), parts.catalog(), generators,
                spec.ranker() ? parts.ranker() : null, rules, parts.fallback(), settings, parts.executor(), parts.clock());
    }

    /** The generator of that name, on these parts. */
    public CandidateGenerator generator(String name) {
        return switch (name) {
            case BecauseYouWatchedGenerator.NAME -> new BecauseYouWatchedGenerator(parts.candidates());
            case PrecomputedCandidatesGenerator.NAME -> new PrecomputedCandidatesGenerator(parts.candidates());
            case EmbeddingRetrievalGenerator.NAME -> new EmbeddingRetrievalGenerator(parts.embeddings());
            case OnboardingPreferenceGenerator.NAME -> new OnboardingPreferenceGenerator(parts.catalogIndex(), parts.candidates(),
                    parts.coldStartUntilInteractions());
            case TrendingInCountryGenerator.NAME -> new TrendingInCountryGenerator(parts.features(), parts.trendingRefresh());
            case NewReleasesGenerator.NAME -> new NewReleasesGenerator(parts.catalogIndex(), parts.newReleasesMaxAge());
            case PopularInSegmentGenerator.NAME -> new PopularInSegmentGenerator(parts.candidates());
            default -> throw new IllegalArgumentException("unknown generator '" + name + "'; known: " + String.join(", ", GENERATORS));
        };
    }

    /** The rule of that name with these parameters. */
    public ReRankRule rule(String name, VariantSpec.RuleParams p) {
        return switch (name) {
            case RemoveSeenRule.NAME -> new RemoveSeenRule();
            case ExcludeRule.NAME -> new ExcludeRule();
            case AvailabilityRule.NAME -> new AvailabilityRule();
            case FilterRule.NAME -> new FilterRule();
            case FreshnessBoostRule.NAME -> new FreshnessBoostRule(p.freshnessBoost(), p.freshnessHalfLife());
            case DiversityRule.NAME -> new DiversityRule(p.diversityMaxPerGenre(), p.diversityWindow());
            case ExplorationRule.NAME -> new ExplorationRule(p.explorationShare(), p.explorationMaxItemAge());
            case PromotionRule.NAME -> new PromotionRule(p.promotionFilter(), p.promotionShare(), parts.catalogIndex());
            default -> throw new IllegalArgumentException("unknown rule '" + name + "'; known: " + String.join(", ", RULES));
        };
    }
}
