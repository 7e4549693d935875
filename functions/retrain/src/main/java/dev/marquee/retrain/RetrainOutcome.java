package dev.marquee.retrain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one invocation did, returned to Lambda (and logged). {@code outcome} is one of: created, already-exists
 * (a repeated tick), published, already-published (a repeated state change), refused (gate or bundle), conflict,
 * job-failed, job-stopped, ignored (a state that needs nothing).
 */
@RegisterForReflection
public record RetrainOutcome(
        @JsonProperty("action") String action,
        @JsonProperty("job_name") String jobName,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason) {

    public static final String START = "start-training";
    public static final String PUBLISH = "publish";
}
