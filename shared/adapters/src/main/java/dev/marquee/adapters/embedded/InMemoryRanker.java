package dev.marquee.adapters.embedded;

import dev.marquee.adapters.onnx.TreeEnsembleOnnx;
import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.FeatureRanker;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.RequestSignals;
import dev.marquee.domain.ranking.TreeEnsemble;

import java.time.Clock;
import java.util.List;

/**
 * The embedded {@link Ranker}: the trees of the same {@code ranker.onnx}, read back and evaluated in plain Java
 * ({@link TreeEnsemble}); no native library. Refuses a model whose feature schema this build does not compute.
 */
public final class InMemoryRanker implements Ranker {
    private final TreeEnsemble ensemble;
    private final FeatureRanker ranker;

    public InMemoryRanker(byte[] model, RequestSignals signals, Clock clock) {
        TreeEnsembleOnnx.Loaded loaded;
        try {
            loaded = TreeEnsembleOnnx.read(model);
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException("ranker", "unknown feature schema: " + e.getMessage(), e);
        }
        if (FeatureSchema.servable(loaded.schema()).isEmpty()) {
            throw new StoreUnavailableException("ranker", "unknown feature schema " + loaded.schema().version()
                    + "; this build serves " + FeatureSchema.V1.version(), null);
        }
        this.ensemble = loaded.ensemble();
        this.ranker = new FeatureRanker(signals, ensemble, clock);
    }

    public TreeEnsemble ensemble() {
        return ensemble;
    }

    @Override
    public List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates) {
        return ranker.rank(context, candidates);
    }
}
