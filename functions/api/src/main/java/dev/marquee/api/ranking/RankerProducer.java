package dev.marquee.api.ranking;

import dev.marquee.adapters.bundle.RankerBundle;
import dev.marquee.adapters.embedded.InMemoryRanker;
import dev.marquee.adapters.onnx.OnnxRanker;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.PortSignals;
import dev.marquee.domain.ranking.VersionedRanker;
import dev.marquee.runtime.config.MarqueeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Stage 2 of the funnel: the active bundle's {@code ranker.onnx} in one ONNX Runtime session per container (or the
 * same trees in plain Java, {@code marquee.ranking.engine=java}), its feature tables from the same bundle, and the
 * request's signals from the feature store and the catalog. Loaded and warmed at start-up, after the local bundle is
 * published (LocalBundleLoader, priority 15), and again whenever the active version changes. Null when
 * {@code marquee.ranking.enabled=false}: the funnel then keeps the candidate order.
 */
@ApplicationScoped
public class RankerProducer {
    private static final Logger LOG = Logger.getLogger(RankerProducer.class);

    @Produces
    @Singleton
    @Typed(VersionedRanker.class)
    VersionedRanker ranker(MarqueeConfig config, ModelStore models, FeatureStore features, ItemCatalog catalog, Clock clock) {
        MarqueeConfig.Ranking cfg = config.ranking();
        return new VersionedRanker(version -> {
            byte[] model = RankerBundle.model(models, version).orElse(null);
            if (model == null) {
                return null;
            }
            PortSignals signals = new PortSignals(RankerBundle.signals(models, version), features, catalog);
            Ranker r = cfg.engine().equals("java")
                    ? new InMemoryRanker(model, signals, clock)
                    : new OnnxRanker(model, signals, clock, cfg.intraOpThreads());
            LOG.infof("Ranker of model version %s loaded (%s)", version, cfg.engine());
            return r;
        });
    }

    /** The Ranker the funnel gets: the versioned one, or null when ranking is switched off (dependent: may be null). */
    @Produces
    @Dependent
    Ranker funnelRanker(MarqueeConfig config, VersionedRanker ranker) {
        return config.ranking().enabled() ? ranker : null;
    }

    void warm(@Observes @Priority(20) StartupEvent start, MarqueeConfig config, ModelRegistry registry, VersionedRanker ranker) {
        if (!config.ranking().enabled()) {
            return;
        }
        try {
            registry.active().ifPresent(v -> {
                LOG.infof("Model version %s ranks with %s", v.version(), ranker.warm(v.version()));
            });
        } catch (StoreUnavailableException e) {
            LOG.warnf("Ranker not warmed: %s", e.getMessage());
        }
    }
}
