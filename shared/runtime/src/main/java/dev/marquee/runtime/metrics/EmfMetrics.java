package dev.marquee.runtime.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.util.Map;

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line on stdout per call, which CloudWatch turns into
 * metrics without any API call from the function. Printed only inside Lambda (where stdout is the log stream).
 */
@ApplicationScoped
public class EmfMetrics {
    public static final String NAMESPACE = "Marquee";

    private final ObjectMapper json = new ObjectMapper();
    private final boolean enabled = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
    private final PrintStream out = System.out;

    /** Emits the values (unit Count unless the name ends with "Ms", then Milliseconds) under dimension Function. */
    public void emit(String function, Map<String, ? extends Number> values) {
        if (!enabled || values.isEmpty()) {
            return;
        }
        out.println(line(function, values, System.currentTimeMillis()));
    }

    String line(String function, Map<String, ? extends Number> values, long timestampMillis) {
        ObjectNode root = json.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("Function", function);
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
