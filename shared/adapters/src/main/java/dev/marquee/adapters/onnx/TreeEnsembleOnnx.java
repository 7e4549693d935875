package dev.marquee.adapters.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.marquee.adapters.bundle.FeatureSchemaJson;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.TreeEnsemble;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TreeEnsemble} as an ONNX model and back: input {@code features} float [N, width], output {@code score}
 * float [N, 1]; one {@code ai.onnx.ml.TreeEnsembleRegressor} (BRANCH_LT, true = left, as XGBoost), then an explicit
 * {@code Sigmoid} for a logistic model. The feature schema travels in the model's metadata ({@value #SCHEMA_KEY}), so a
 * server can refuse a model whose columns it does not compute. Reading back gives the pure-Java evaluator the same
 * trees the ONNX session runs.
 */
public final class TreeEnsembleOnnx {
    public static final String INPUT = "features";
    public static final String OUTPUT = "score";
    public static final String SCHEMA_KEY = "marquee.feature_schema";

    /** A model read back: its trees and the schema it declares. */
    public record Loaded(TreeEnsemble ensemble, FeatureSchema schema) {
    }

    private TreeEnsembleOnnx() {
    }

    public static byte[] write(TreeEnsemble e, FeatureSchema schema) {
        if (e.width() != schema.width()) {
            throw new IllegalArgumentException("ensemble width " + e.width() + " != schema width " + schema.width());
        }
        int n = e.nodes();
        int[] treeOf = treeOfNode(e);
        int[] treeIds = new int[n];
        int[] nodeIds = new int[n];
        int[] featureIds = new int[n];
        String[] modes = new String[n];
        float[] values = new float[n];
        int[] trueIds = new int[n];
        int[] falseIds = new int[n];
        int[] missingTrue = new int[n];
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            treeIds[i] = treeOf[i];
            nodeIds[i] = i;
            if (e.left()[i] < 0) {
                modes[i] = "LEAF";
                leaves.add(i);
            } else {
                modes[i] = "BRANCH_LT";
                featureIds[i] = e.feature()[i];
                values[i] = e.value()[i];
                trueIds[i] = e.left()[i];
                falseIds[i] = e.right()[i];
                missingTrue[i] = e.missingLeft()[i] ? 1 : 0;
            }
        }
        int[] targetTrees = new int[leaves.size()];
        int[] targetNodes = new int[leaves.size()];
        int[] targetIds = new int[leaves.size()];
        float[] targetWeights = new float[leaves.size()];
        for (int k = 0; k < leaves.size(); k++) {
            int leaf = leaves.get(k);
            targetTrees[k] = treeOf[leaf];
            targetNodes[k] = leaf;
            targetWeights[k] = e.value()[leaf];
        }
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("n_targets", 1);
        attrs.put("aggregate_function", "SUM");
        attrs.put("post_transform", "NONE");
        attrs.put("base_values", new float[]{e.base()});
        attrs.put("nodes_treeids", treeIds);
        attrs.put("nodes_nodeids", nodeIds);
        attrs.put("nodes_featureids", featureIds);
        attrs.put("nodes_modes", modes);
        attrs.put("nodes_values", values);
        attrs.put("nodes_truenodeids", trueIds);
        attrs.put("nodes_falsenodeids", falseIds);
        attrs.put("nodes_missing_value_tracks_true", missingTrue);
        attrs.put("target_treeids", targetTrees);
        attrs.put("target_nodeids", targetNodes);
        attrs.put("target_ids", targetIds);
        attrs.put("target_weights", targetWeights);

        ONNXContext ctx = new ONNXContext();
        ctx.setName("marquee_ranker");
        ONNXPlaceholder input = ctx.floatInput(INPUT, e.width());
        ONNXPlaceholder output = ctx.floatOutput(OUTPUT, 1);
        ONNXNode scores = input.apply(MlOperators.TREE_ENSEMBLE_REGRESSOR, attrs);
        if (e.logistic()) {
            scores = scores.apply(MlOperators.SIGMOID);
        }
        scores.assignTo(output);
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("marquee")
                .setDomain("dev.marquee")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(3))
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey(SCHEMA_KEY).setValue(FeatureSchemaJson.write(schema)))
                .setGraph(ctx.buildGraph())
                .build().toByteArray();
    }

    /** The schema a model declares; IllegalArgumentException when it declares none or is not an ONNX model. */
    public static FeatureSchema schemaOf(byte[] model) {
        return FeatureSchemaJson.read(metadata(parse(model)).get(SCHEMA_KEY));
    }

    public static Loaded read(byte[] model) {
        OnnxMl.ModelProto proto = parse(model);
        FeatureSchema schema = FeatureSchemaJson.read(metadata(proto).get(SCHEMA_KEY));
        OnnxMl.NodeProto trees = null;
        boolean logistic = false;
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            if (node.getOpType().equals("TreeEnsembleRegressor")) {
                trees = node;
            } else if (node.getOpType().equals("Sigmoid")) {
                logistic = true;
            }
        }
        if (trees == null) {
            throw new IllegalArgumentException("no TreeEnsembleRegressor in the model");
        }
        Map<String, OnnxMl.AttributeProto> a = new HashMap<>();
        trees.getAttributeList().forEach(attr -> a.put(attr.getName(), attr));
        List<Long> treeIds = a.get("nodes_treeids").getIntsList();
        int n = treeIds.size();
        int[] feature = new int[n];
        float[] value = new float[n];
        int[] left = new int[n];
        int[] right = new int[n];
        boolean[] missingLeft = new boolean[n];
        List<Integer> roots = new ArrayList<>();
        long lastTree = -1;
        for (int i = 0; i < n; i++) {
            if (a.get("nodes_nodeids").getInts(i) != i) {
                throw new IllegalArgumentException("node ids are not the flat indices this exporter writes");
            }
            if (treeIds.get(i) != lastTree) {
                roots.add(i);
                lastTree = treeIds.get(i);
            }
            boolean leaf = a.get("nodes_modes").getStrings(i).toStringUtf8().equals("LEAF");
            left[i] = leaf ? -1 : (int) a.get("nodes_truenodeids").getInts(i);
            right[i] = leaf ? -1 : (int) a.get("nodes_falsenodeids").getInts(i);
            feature[i] = leaf ? 0 : (int) a.get("nodes_featureids").getInts(i);
            value[i] = leaf ? 0f : a.get("nodes_values").getFloats(i);
            missingLeft[i] = !leaf && a.get("nodes_missing_value_tracks_true").getInts(i) == 1;
        }
        OnnxMl.AttributeProto targetNodes = a.get("target_nodeids");
        for (int k = 0; k < targetNodes.getIntsCount(); k++) {
            value[(int) targetNodes.getInts(k)] = a.get("target_weights").getFloats(k);
        }
        float base = a.containsKey("base_values") ? a.get("base_values").getFloats(0) : 0f;
        TreeEnsemble e = new TreeEnsemble(schema.width(), roots.stream().mapToInt(Integer::intValue).toArray(),
                feature, value, left, right, missingLeft, base, logistic);
        return new Loaded(e, schema);
    }

    private static int[] treeOfNode(TreeEnsemble e) {
        int[] tree = new int[e.nodes()];
        int[] roots = e.roots();
        for (int t = 0; t < roots.length; t++) {
            int end = t + 1 < roots.length ? roots[t + 1] : e.nodes();
            if (t + 1 < roots.length && roots[t + 1] <= roots[t]) {
                throw new IllegalArgumentException("trees must be stored one after the other");
            }
            for (int i = roots[t]; i < end; i++) {
                tree[i] = t;
            }
        }
        return tree;
    }

    private static OnnxMl.ModelProto parse(byte[] model) {
        try {
            return OnnxMl.ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> metadata(OnnxMl.ModelProto proto) {
        Map<String, String> m = new HashMap<>();
        proto.getMetadataPropsList().forEach(p -> m.put(p.getKey(), p.getValue()));
        if (!m.containsKey(SCHEMA_KEY)) {
            throw new IllegalArgumentException("the model declares no feature schema (" + SCHEMA_KEY + ")");
        }
        return m;
    }
}
