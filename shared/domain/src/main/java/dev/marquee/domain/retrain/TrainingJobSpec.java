package dev.marquee.domain.retrain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One embedding-refresh training job, as the retrain function asks for it: what runs (image, role), on what
 * (input channels by name, each an S3 prefix), where the output goes, on which machine for how long, and with which
 * hyperparameters (strings, as the training service hands them to the container).
 *
 * @param spot           managed spot capacity; then {@code maxWait} (at least {@code maxRuntime}) bounds waiting
 *                       plus running, and {@code checkpointUri} (may be null) is synced so an interrupted job resumes
 * @param checkpointUri  null: no checkpoints
 */
public record TrainingJobSpec(String name, String image, String roleArn, Map<String, String> inputChannels,
                              String outputUri, String instanceType, int instanceCount, int volumeSizeGb,
                              Duration maxRuntime, boolean spot, Duration maxWait, String checkpointUri,
                              Map<String, String> hyperParameters, Map<String, String> tags) {
    /** SageMaker's rule for training job names. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    public TrainingJobSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("training job name must match " + NAME + " (at most 63 characters): " + name);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(outputUri, "outputUri");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(maxRuntime, "maxRuntime");
        if (instanceCount < 1 || volumeSizeGb < 1) {
            throw new IllegalArgumentException("instanceCount and volumeSizeGb must be >= 1");
        }
        if (spot && (maxWait == null || maxWait.compareTo(maxRuntime) < 0)) {
            throw new IllegalArgumentException("a spot job needs maxWait >= maxRuntime (" + maxRuntime + "), got " + maxWait);
        }
        if (!spot) {
            maxWait = null;
        }
        inputChannels = Map.copyOf(inputChannels);
        hyperParameters = Map.copyOf(hyperParameters);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
