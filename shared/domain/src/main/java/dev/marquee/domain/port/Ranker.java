package dev.marquee.domain.port;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Recommendation;

import java.util.List;

/**
 * Stage 2 of the funnel: re-scores the merged candidates with the bundle's learned ranker. Adapters: an ONNX
 * Runtime session (production) and an in-memory evaluation of the same model (embedded, and the parity reference).
 * When no usable model is loaded (none published, or a feature schema this build does not know) an adapter throws
 * {@link StoreUnavailableException} with store {@code "ranker"} and the funnel keeps the candidate order, naming
 * the fallback in the response.
 */
public interface Ranker {

    /** The candidates with their ranker scores, best first; sources and reasons kept. */
    List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates);
}
