package dev.marquee.api;

import dev.marquee.adapters.bundle.BundleEmbeddings;
import dev.marquee.domain.experiment.FunnelFactory;
import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.experiment.VariantSpec;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.funnel.Funnel;
import dev.marquee.domain.funnel.FunnelSettings;
import dev.marquee.domain.funnel.ItemFilter;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.domain.tracking.TrackingTokens;
import dev.marquee.runtime.config.FunnelConfig;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Assembles the read path from marquee.serving: one funnel per A/B variant (its generators, rules, ranker on or off,
 * rule parameters), the stable assignment of users to variants, and the tracking-token signer. Generators and each
 * stage's reads run on virtual threads under the configured budgets.
 */
@ApplicationScoped
public class FunnelProducer {
    private static final Logger LOG = Logger.getLogger(FunnelProducer.class);
    public static final String DEFAULT_VARIANT = "default";

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("funnel-", 0).factory());

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Produces
    @Singleton
    FallbackPopularity fallback() {
        return new FallbackPopularity();
    }

    @Produces
    @Singleton
    CatalogIndex catalogIndex() {
        return new CatalogIndex();
    }

    @Produces
    @Singleton
    BundleEmbeddings embeddings(ModelStore models) {
        return new BundleEmbeddings(models, executor, failure -> LOG.warnf("Item vectors not loaded: %s", failure));
    }

    @Produces
    @Singleton
    Recommender recommender(MarqueeConfig config, UserProfiles profiles, FeatureStore features, ModelRegistry registry,
                            ItemCatalog catalog, CandidateStore candidates, CatalogIndex catalogIndex, BundleEmbeddings embeddings,
                            Instance<Ranker> rankers, FallbackPopularity fallback, TrackingTokens tokens, Clock clock) {
        FunnelConfig s = config.serving();
        Ranker ranker = rankers.isResolvable() ? rankers.get() : null;
        if (ranker == null) {
            LOG.info("No ranker is wired in: candidates keep their blended order");
        }
        FunnelFactory factory = new FunnelFactory(new FunnelFactory.Parts(profiles, features, registry, catalog, candidates,
                catalogIndex, embeddings, ranker, fallback, executor, clock, s.newReleases().maxAge(),
                s.coldStart().untilInteractions(), s.trendingRefresh()));
        FunnelSettings settings = new FunnelSettings(DEFAULT_VARIANT, s.perGenerator(), s.maxCandidates(),
                new FunnelSettings.Budgets(s.budgets().context(), s.budgets().generators(), s.budgets().ranker(), s.budgets().catalog()));
        List<VariantSpec> variants = variants(s);
        Recommender recommender = factory.recommender(s.experiment().salt(), variants, settings, tokens);
        for (VariantSpec v : variants) {
            Funnel f = recommender.funnel(v.name());
            LOG.infof("Variant %s (share %s): generators %s, ranker %s, rules %s", v.name(), v.share(), f.generatorNames(),
                    f.hasRanker() ? "on" : "off", f.ruleNames());
        }
        return recommender;
    }

    /** The first variant's funnel, for callers that need no variant assignment or tracking token. */
    @Produces
    @Singleton
    Funnel funnel(Recommender recommender, MarqueeConfig config) {
        return recommender.funnel(variants(config.serving()).getFirst().name());
    }

    static List<VariantSpec> variants(FunnelConfig s) {
        VariantSpec.RuleParams global = new VariantSpec.RuleParams(s.diversity().maxPerGenre(), s.diversity().window(),
                s.freshness().boost(), s.freshness().halfLife(), s.exploration().share(), s.exploration().maxItemAge(),
                ItemFilter.parse(s.promotions().filter().orElse(null)), s.promotions().share());
        if (s.variants().isEmpty()) {
            return List.of(new VariantSpec(DEFAULT_VARIANT, 1, s.generators(), s.rules(), s.ranker(), global));
        }
        List<VariantSpec> out = new ArrayList<>();
        for (Map.Entry<String, FunnelConfig.Variant> e : new java.util.TreeMap<>(s.variants()).entrySet()) {
            FunnelConfig.Variant v = e.getValue();
            VariantSpec.RuleParams p = new VariantSpec.RuleParams(
                    v.diversityMaxPerGenre().orElse(global.diversityMaxPerGenre()), global.diversityWindow(),
                    v.freshnessBoost().orElse(global.freshnessBoost()), global.freshnessHalfLife(),
                    v.explorationShare().orElse(global.explorationShare()), global.explorationMaxItemAge(),
                    global.promotionFilter(), v.promotionShare().orElse(global.promotionShare()));
            out.add(new VariantSpec(e.getKey(), v.share(), v.generators().orElse(s.generators()), v.rules().orElse(s.rules()),
                    v.ranker().orElse(s.ranker()), p));
        }
        return out;
    }
}
