package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.domain.ranking.FeatureSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code feature_schema.json} of a bundle (also embedded in {@code ranker.onnx}):
 * {@code {"version":"ranker-features-v1","features":[{"name":"cf_score","default":0.0},...]}}.
 */
public final class FeatureSchemaJson {
    public static final String FILE = "feature_schema.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FeatureSchemaJson() {
    }

    public static String write(FeatureSchema schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", schema.version());
        ArrayNode features = root.putArray("features");
        for (FeatureSchema.Feature f : schema.features()) {
            features.addObject().put("name", f.name()).put("default", f.defaultValue());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** IllegalArgumentException naming what is wrong when the text is not a schema. */
    public static FeatureSchema read(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no feature schema");
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (!root.path("version").isTextual() || !root.path("features").isArray()) {
                throw new IllegalArgumentException("a feature schema needs a text 'version' and a 'features' array");
            }
            List<FeatureSchema.Feature> features = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                if (!f.path("name").isTextual() || !f.path("default").isNumber()) {
                    throw new IllegalArgumentException("each feature needs a text 'name' and a number 'default'");
                }
                features.add(new FeatureSchema.Feature(f.get("name").asText(), (float) f.get("default").asDouble()));
            }
            return new FeatureSchema(root.get("version").asText(), features);
        } catch (IOException e) {
            throw new IllegalArgumentException("feature schema is not JSON: " + e.getMessage(), e);
        }
    }
}
