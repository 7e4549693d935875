package dev.marquee.retrain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * An EventBridge event as Lambda receives it: the envelope, and {@code detail} left as JSON for each kind to read
 * (a schedule's is empty; SageMaker's state change carries the job's description).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBridgeEvent(
        @JsonProperty("id") String id,
        @JsonProperty("detail-type") String detailType,
        @JsonProperty("source") String source,
        @JsonProperty("time") String time,
        @JsonProperty("resources") List<String> resources,
        @JsonProperty("detail") JsonNode detail) {

    public static final String SCHEDULED = "Scheduled Event";
    public static final String TRAINING_JOB_STATE_CHANGE = "SageMaker Training Job State Change";

    public EventBridgeEvent {
        resources = resources == null ? List.of() : resources;
    }
}
