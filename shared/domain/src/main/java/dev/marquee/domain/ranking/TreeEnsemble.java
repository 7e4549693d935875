package dev.marquee.domain.ranking;

import java.util.Objects;

/**
 * A gradient-boosted tree ensemble evaluated in plain Java: the embedded ranker, and the reference the ONNX export is
 * checked against. Nodes of all trees are flattened; node {@code n} is a leaf when {@code left[n] < 0} and then
 * {@code value[n]} is its output; otherwise a row goes left when {@code x[feature[n]] < value[n]} (missing (NaN)
 * values follow {@code missingLeft[n]}), the XGBoost convention. Score = base + sum of the reached leaves, through a
 * sigmoid when {@code logistic}.
 */
public record TreeEnsemble(int width, int[] roots, int[] feature, float[] value, int[] left, int[] right,
                           boolean[] missingLeft, float base, boolean logistic) implements RowScorer {

    public TreeEnsemble {
        Objects.requireNonNull(roots, "roots");
        int n = feature.length;
        if (value.length != n || left.length != n || right.length != n || missingLeft.length != n) {
            throw new IllegalArgumentException("node arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (left[i] >= 0 && (feature[i] < 0 || feature[i] >= width || left[i] >= n || right[i] < 0 || right[i] >= n)) {
                throw new IllegalArgumentException("node " + i + " points outside the ensemble");
            }
        }
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    /** The score of the row at {@code offset} in {@code rows}. */
    public float score(float[] rows, int offset) {
        float sum = 0f;
        for (int root : roots) {
            int n = root;
            while (left[n] >= 0) {
                float x = rows[offset + feature[n]];
                boolean goLeft = Float.isNaN(x) ? missingLeft[n] : x < value[n];
                n = goLeft ? left[n] : right[n];
            }
            sum += value[n];
        }
        float margin = sum + base;
        return logistic ? (float) (1 / (1 + Math.exp(-margin))) : margin;
    }

    @Override
    public void score(float[] rows, int n, float[] out) {
        for (int r = 0; r < n; r++) {
            out[r] = score(rows, r * width);
        }
    }
}
