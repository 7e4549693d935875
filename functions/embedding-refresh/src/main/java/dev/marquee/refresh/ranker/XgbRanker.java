package dev.marquee.refresh.ranker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.ranking.TreeEnsemble;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-boosted trees with XGBoost's LambdaMART objective ({@code rank:ndcg}) on query groups, and the trained
 * booster's trees as a {@link TreeEnsemble} (parsed from its JSON model: per-tree {@code left_children},
 * {@code right_children}, {@code split_indices}, {@code split_conditions}, {@code default_left}; a leaf's value is its
 * split condition). Rows carry no missing values (the schema's defaults fill them).
 */
public final class XgbRanker implements AutoCloseable {
    private final Booster booster;
    private final TreeEnsemble ensemble;

    private XgbRanker(Booster booster, TreeEnsemble ensemble) {
        this.booster = booster;
        this.ensemble = ensemble;
    }

    public static XgbRanker train(RankingGroups groups, RankerParams p) {
        if (groups.groupCount() == 0) {
            throw new IllegalArgumentException("no training groups");
        }
        try {
            DMatrix train = matrix(groups);
            train.setLabel(groups.labels());
            train.setGroup(groups.sizes());
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "rank:ndcg");
            params.put("eval_metric", "ndcg@10");
            params.put("eta", p.eta());
            params.put("max_depth", p.depth());
            params.put("min_child_weight", p.minChildWeight());
            params.put("tree_method", "hist");
            params.put("nthread", p.threads());
            params.put("seed", p.seed());
            params.put("verbosity", 0);
            Booster booster = XGBoost.train(train, params, p.trees(), Map.of(), null, null);
            train.dispose();
            return new XgbRanker(booster, toEnsemble(booster.toByteArray("json"), groups.width()));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    public TreeEnsemble ensemble() {
        return ensemble;
    }

    /** XGBoost's own scores of the rows (the parity reference). */
    public float[] predict(float[] rows, int n, int width) {
        try {
            DMatrix m = new DMatrix(rows, n, width, Float.NaN);
            float[][] p = booster.predict(m);
            m.dispose();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    private static DMatrix matrix(RankingGroups g) throws XGBoostError {
        return new DMatrix(g.rows(), g.rowCount(), g.width(), Float.NaN);
    }

    static TreeEnsemble toEnsemble(byte[] modelJson, int width) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(modelJson);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable XGBoost model JSON", e);
        }
        JsonNode learner = root.path("learner");
        String baseText = learner.path("learner_model_param").path("base_score").asText("0").replace("[", "").replace("]", "");
        float base = Float.parseFloat(baseText);
        JsonNode trees = learner.path("gradient_booster").path("model").path("trees");
        List<Integer> roots = new ArrayList<>();
        int total = 0;
        for (JsonNode t : trees) {
            total += t.path("left_children").size();
        }
        int[] feature = new int[total];
        float[] value = new float[total];
        int[] left = new int[total];
        int[] right = new int[total];
        boolean[] missingLeft = new boolean[total];
        int offset = 0;
        for (JsonNode t : trees) {
            JsonNode l = t.path("left_children");
            JsonNode r = t.path("right_children");
            JsonNode idx = t.path("split_indices");
            JsonNode cond = t.path("split_conditions");
            JsonNode dl = t.path("default_left");
            roots.add(offset);
            for (int i = 0; i < l.size(); i++) {
                int n = offset + i;
                boolean leaf = l.get(i).asInt() < 0;
                left[n] = leaf ? -1 : offset + l.get(i).asInt();
                right[n] = leaf ? -1 : offset + r.get(i).asInt();
                feature[n] = leaf ? 0 : idx.get(i).asInt();
                value[n] = (float) cond.get(i).asDouble();
                JsonNode d = dl.get(i);
                missingLeft[n] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
            }
            offset += l.size();
        }
        String objective = learner.path("objective").path("name").asText("");
        return new TreeEnsemble(width, roots.stream().mapToInt(Integer::intValue).toArray(), feature, value, left, right,
                missingLeft, base, objective.equals("binary:logistic"));
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
