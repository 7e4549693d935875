package dev.marquee.adapters.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX operators the ranker export needs that tribuo-util-onnx does not ship: the {@code ai.onnx.ml} tree ensemble
 * (opset 3) and {@code Sigmoid} (opset 13; TreeEnsembleRegressor ignores its own {@code post_transform}).
 */
enum MlOperators implements ONNXOperator {
    TREE_ENSEMBLE_REGRESSOR("TreeEnsembleRegressor", "ai.onnx.ml", 3, Map.ofEntries(
            Map.entry("n_targets", AttributeType.INT),
            Map.entry("aggregate_function", AttributeType.STRING),
            Map.entry("post_transform", AttributeType.STRING),
            Map.entry("base_values", AttributeType.FLOATS),
            Map.entry("nodes_treeids", AttributeType.INTS),
            Map.entry("nodes_nodeids", AttributeType.INTS),
            Map.entry("nodes_featureids", AttributeType.INTS),
            Map.entry("nodes_modes", AttributeType.STRINGS),
            Map.entry("nodes_values", AttributeType.FLOATS),
            Map.entry("nodes_truenodeids", AttributeType.INTS),
            Map.entry("nodes_falsenodeids", AttributeType.INTS),
            Map.entry("nodes_missing_value_tracks_true", AttributeType.INTS),
            Map.entry("target_treeids", AttributeType.INTS),
            Map.entry("target_nodeids", AttributeType.INTS),
            Map.entry("target_ids", AttributeType.INTS),
            Map.entry("target_weights", AttributeType.FLOATS))),
    SIGMOID("Sigmoid", "", 13, Map.of());

    private final String name;
    private final String domain;
    private final int version;
    private final Map<String, ONNXAttribute> attributes = new LinkedHashMap<>();

    MlOperators(String name, String domain, int version, Map<String, AttributeType> attributeTypes) {
        this.name = name;
        this.domain = domain;
        this.version = version;
        attributeTypes.forEach((n, t) -> attributes.put(n, new ONNXAttribute(n, t, false)));
    }

    @Override
    public String getOpName() {
        return name;
    }

    @Override
    public int getNumInputs() {
        return 1;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return version;
    }

    @Override
    public String getOpDomain() {
        return domain;
    }
}
