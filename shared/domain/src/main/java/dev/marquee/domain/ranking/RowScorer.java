package dev.marquee.domain.ranking;

/** Scores feature rows with a trained model: the pure-Java {@link TreeEnsemble} or an ONNX Runtime session. */
public interface RowScorer {

    /** Scores {@code n} rows of {@code width} floats (row-major in {@code rows}) into {@code out[0..n)}. */
    void score(float[] rows, int n, float[] out);
}
