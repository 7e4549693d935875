package dev.marquee.runtime.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line on stdout per call, which CloudWatch turns into
 * metrics without any API call from the function. Printed only inside Lambda (where stdout is the log stream).
 */
@ApplicationScoped
public class EmfMetrics {
    public static final String NAMESPACE = "Marquee";

    private final ObjectMapper json = new ObjectMapper();
    private final boolean inLambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

    /** Emits the values (unit Count unless the name ends with "Ms", then Milliseconds) under dimension Function. */
    public void emit(String function, Map<String, ? extends Number> values) {
        emit(function, Map.of(), values);
    }

    /**
     * The same under dimensions Function plus {@code dimensions} (name to value, in the map's order). Every distinct
     * combination of values is a metric of its own in CloudWatch (billed as such): give only values from small fixed sets.
     */
    public void emit(String function, Map<String, String> dimensions, Map<String, ? extends Number> values) {
        if (!enabled() || values.isEmpty()) {
            return;
        }
        print(line(function, dimensions, values, System.currentTimeMillis()));
    }

    /** Overridden by tests, which record the lines outside Lambda. */
    protected boolean enabled() {
        return inLambda;
    }

    protected void print(String line) {
        System.out.println(line);
    }

    String line(String function, Map<String, String> dimensions, Map<String, ? extends Number> values, long timestampMillis) {
        ObjectNode root = json.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray().add("Function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("Function", function);
        dimensions.forEach((name, value) -> {
            dimensionSet.add(name);
            root.put(name, value);
        });
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", name.endsWith("Ms") ? "Milliseconds" : "Count");
            root.put(name, value.doubleValue());
        });
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
