package dev.marquee.adapters.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.aws.AwsServiceException;
import dev.marquee.adapters.aws.SignedJsonClient;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.TrainingJobs;
import dev.marquee.domain.retrain.TrainingJobSpec;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Training jobs on SageMaker through its JSON 1.1 API ({@code CreateTrainingJob}, {@code DescribeTrainingJob}):
 * the SDK's {@code sagemaker} module is not on the Maven Central we build against, so {@link SignedJsonClient} signs
 * the calls. Input channels are S3 prefixes copied to the instance (File mode, fully replicated).
 */
public final class SageMakerTrainingJobs implements TrainingJobs {
    public static final String SIGNING_NAME = "sagemaker";
    public static final String TARGET_PREFIX = "SageMaker";
    /** Where SageMaker syncs {@code CheckpointConfig.S3Uri} inside the container. */
    public static final String CHECKPOINT_PATH = "/opt/ml/checkpoints";

    private final SignedJsonClient client;

    public SageMakerTrainingJobs(SignedJsonClient client) {
        this.client = client;
    }

    /** The SageMaker API endpoint of a region: {@code https://api.sagemaker.<region>.amazonaws.com}. */
    public static URI endpointFor(String region) {
        return SignedJsonClient.regionalEndpoint("api.sagemaker", region);
    }

    @Override
    public Start start(TrainingJobSpec spec) {
        try {
            client.call("CreateTrainingJob", createRequest(spec));
            return Start.CREATED;
        } catch (AwsServiceException e) {
            // names are unique per account and region: the job of this tick exists, an earlier delivery started it
            if (e.type().equals("ResourceInUse")) {
                return Start.ALREADY_EXISTS;
            }
            throw new StoreUnavailableException("sagemaker", "CreateTrainingJob " + spec.name() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            // unknown whether it was created: a retry of the same tick finds out (ResourceInUse)
            throw new StoreUnavailableException("sagemaker", "CreateTrainingJob " + spec.name() + " did not complete: " + e, e);
        }
    }

    @Override
    public Map<String, String> hyperParameters(String jobName) {
        ObjectNode request = client.json().createObjectNode().put("TrainingJobName", jobName);
        try {
            JsonNode answer = client.call("DescribeTrainingJob", request);
            Map<String, String> out = new TreeMap<>();
            answer.path("HyperParameters").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (AwsServiceException e) {
            // SageMaker answers a describe of an unknown job with a ValidationException "Requested resource not found."
            boolean unknownJob = e.type().equals("ResourceNotFound")
                    || (e.type().equals("ValidationException") && String.valueOf(e.detail()).contains("not found"));
            if (unknownJob) {
                return Map.of();
            }
            throw new StoreUnavailableException("sagemaker", "DescribeTrainingJob " + jobName + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("sagemaker", "DescribeTrainingJob " + jobName + " did not complete: " + e, e);
        }
    }

    /** The CreateTrainingJob body for {@code spec} (field names as in the SageMaker API reference). */
    ObjectNode createRequest(TrainingJobSpec spec) {
        ObjectNode r = client.json().createObjectNode();
        r.put("TrainingJobName", spec.name());
        r.putObject("AlgorithmSpecification")
                .put("TrainingImage", spec.image())
                .put("TrainingInputMode", "File");
        r.put("RoleArn", spec.roleArn());
        ArrayNode channels = r.putArray("InputDataConfig");
        new TreeMap<>(spec.inputChannels()).forEach((name, uri) -> {
            ObjectNode c = channels.addObject();
            c.put("ChannelName", name);
            c.putObject("DataSource").putObject("S3DataSource")
                    .put("S3DataType", "S3Prefix")
                    .put("S3Uri", uri)
                    .put("S3DataDistributionType", "FullyReplicated");
            c.put("InputMode", "File");
        });
        r.putObject("OutputDataConfig").put("S3OutputPath", spec.outputUri());
        r.putObject("ResourceConfig")
                .put("InstanceType", spec.instanceType())
                .put("InstanceCount", spec.instanceCount())
                .put("VolumeSizeInGB", spec.volumeSizeGb());
        ObjectNode stopping = r.putObject("StoppingCondition").put("MaxRuntimeInSeconds", spec.maxRuntime().toSeconds());
        ObjectNode hp = r.putObject("HyperParameters");
        new TreeMap<>(spec.hyperParameters()).forEach(hp::put);
        r.put("EnableManagedSpotTraining", spec.spot());
        if (spec.spot()) {
            stopping.put("MaxWaitTimeInSeconds", spec.maxWait().toSeconds());
        }
        if (spec.checkpointUri() != null) {
            r.putObject("CheckpointConfig").put("S3Uri", spec.checkpointUri()).put("LocalPath", CHECKPOINT_PATH);
        }
        if (!spec.tags().isEmpty()) {
            ArrayNode tags = r.putArray("Tags");
            new TreeMap<>(spec.tags()).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return r;
    }
}
