package dev.marquee.adapters.onnx;

import dev.marquee.domain.ranking.TreeEnsemble;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random complete trees over a schema's width, for export round trips without training a model. */
final class RandomTrees {
    private RandomTrees() {
    }

    static TreeEnsemble of(int width, int trees, int depth, boolean logistic, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> feature = new ArrayList<>();
        List<Float> value = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<Boolean> missing = new ArrayList<>();
        int[] roots = new int[trees];
        for (int t = 0; t < trees; t++) {
            roots[t] = feature.size();
            grow(rnd, width, depth, feature, value, left, right, missing);
        }
        int n = feature.size();
        int[] f = new int[n];
        float[] v = new float[n];
        int[] l = new int[n];
        int[] r = new int[n];
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            f[i] = feature.get(i);
            v[i] = value.get(i);
            l[i] = left.get(i);
            r[i] = right.get(i);
            m[i] = missing.get(i);
        }
        return new TreeEnsemble(width, roots, f, v, l, r, m, (float) rnd.nextDouble(-0.5, 0.5), logistic);
    }

    private static int grow(SplittableRandom rnd, int width, int depth, List<Integer> feature, List<Float> value,
                            List<Integer> left, List<Integer> right, List<Boolean> missing) {
        int id = feature.size();
        feature.add(0);
        value.add(0f);
        left.add(-1);
        right.add(-1);
        missing.add(false);
        if (depth == 0) {
            value.set(id, (float) rnd.nextDouble(-1, 1));
            return id;
        }
        feature.set(id, rnd.nextInt(width));
        value.set(id, (float) rnd.nextDouble(-1, 1));
        missing.set(id, rnd.nextBoolean());
        int l = grow(rnd, width, depth - 1, feature, value, left, right, missing);
        int r = grow(rnd, width, depth - 1, feature, value, left, right, missing);
        left.set(id, l);
        right.set(id, r);
        return id;
    }
}
