package dev.marquee.domain.publish;

import dev.marquee.domain.ranking.FeatureSchema;

import java.util.Locale;

/**
 * The ranker's part of the publish gate. A bundle without a ranker passes (the candidate order serves). A bundle with
 * {@code ranker.onnx} is refused when its feature schema is missing or unknown to this build (the api could not
 * compute its columns), or when the ranker's evaluation NDCG@10 is more than {@code margin} (absolute) below the
 * candidate order's on the same requests: a ranker that makes the list worse does not serve.
 */
public record RankerGate(double margin) {
    public static final String MODEL_FILE = "ranker.onnx";
    public static final String NDCG = "ranker.ndcg@10";
    public static final String CANDIDATE_NDCG = "ranker.candidate_order_ndcg@10";
    public static final RankerGate DEFAULT = new RankerGate(0.01);

    public RankerGate {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0: " + margin);
        }
    }

    public PublishGate.Decision check(BundleDescription bundle) {
        boolean hasModel = bundle.artifacts().containsKey(MODEL_FILE);
        if (!hasModel) {
            return new PublishGate.Decision(true, "no ranker: candidate order serves");
        }
        String schema = bundle.rankerSchema();
        if (schema == null) {
            return new PublishGate.Decision(false, "the bundle has " + MODEL_FILE + " but no feature schema");
        }
        if (FeatureSchema.known(schema).isEmpty()) {
            return new PublishGate.Decision(false, "unknown ranker feature schema " + schema + " (this build serves "
                    + FeatureSchema.V1.version() + ")");
        }
        Double ranked = bundle.metrics().get(NDCG);
        Double candidate = bundle.metrics().get(CANDIDATE_NDCG);
        if (ranked == null || candidate == null || !Double.isFinite(ranked) || !Double.isFinite(candidate)) {
            return new PublishGate.Decision(false, "the ranker has no finite " + NDCG + " and " + CANDIDATE_NDCG);
        }
        String comparison = String.format(Locale.ROOT, "ranker ndcg@10 %.4f against candidate order %.4f (margin %s)",
                ranked, candidate, margin);
        return ranked < candidate - margin
                ? new PublishGate.Decision(false, "ranker below the candidate order: " + comparison)
                : new PublishGate.Decision(true, comparison);
    }
}
