package dev.marquee.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.aws.SageMakerStub;
import dev.marquee.testing.lambda.LambdaRuntimeApiStub;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.marquee.retrain.RetrainBackends.LAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schedule tick of events-samples/ through the function's Lambda poll loop: the CreateTrainingJob request that
 * reaches the SageMaker stub, field by field, and what a repeated tick and a SageMaker failure do.
 */
@QuarkusTest
@QuarkusTestResource(LambdaRuntimeResource.class)
@QuarkusTestResource(RetrainBackends.class)
class StartTrainingIT {
    private static final String JOB = "marquee-dev-refresh-20261122t030000z";

    @Inject
    ObjectMapper json;

    @BeforeEach
    void freshStubAndALakeWithEventsACatalogFileAndAnErasure() {
        RetrainBackends.sageMaker.reset();
        RetrainBackends.emptyLake();
        put("events/dt=2026-11-21/hour=14/part-0001.jsonl.gz");
        put("catalog/2026-11-20.jsonl");
        put("deletions/dt=2026-11-21/u42.jsonl");
    }

    private static void put(String key) {
        RetrainBackends.s3.putObject(b -> b.bucket(LAKE).key(key), RequestBody.fromString("{}"));
    }

    private static Map<String, String> channels(JsonNode request) {
        Map<String, String> channels = new TreeMap<>();
        for (JsonNode ch : request.path("InputDataConfig")) {
            JsonNode s3 = ch.path("DataSource").path("S3DataSource");
            assertThat(s3.path("S3DataType").asText()).isEqualTo("S3Prefix");
            assertThat(s3.path("S3DataDistributionType").asText()).isEqualTo("FullyReplicated");
            assertThat(ch.path("InputMode").asText()).isEqualTo("File");
            channels.put(ch.path("ChannelName").asText(), s3.path("S3Uri").asText());
        }
        return channels;
    }

    private JsonNode invoke(String eventJson) throws Exception {
        return json.readTree(LambdaRuntimeResource.runtime.invoke(eventJson, Duration.ofSeconds(20)));
    }

    @Test
    void aTickStartsOneGpuTrainingJobOnTheLakesEventsCatalogAndDeletionsWithTheConfiguredHyperparameters() throws Exception {
        JsonNode outcome = invoke(EventSamples.read("eventbridge/scheduled-tick.json"));

        assertThat(outcome.path("outcome").asText()).isEqualTo("created");
        assertThat(outcome.path("job_name").asText()).isEqualTo(JOB);
        assertThat(outcome.path("model_version").asText()).isEqualTo("20261122T030000Z");
        List<SageMakerStub.Call> creates = RetrainBackends.sageMaker.calls("CreateTrainingJob");
        assertThat(creates).hasSize(1);
        SageMakerStub.Call call = creates.get(0);
        assertThat(call.header("x-amz-target")).isEqualTo("SageMaker.CreateTrainingJob");
        assertThat(call.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/sagemaker/aws4_request").contains("SignedHeaders=").contains("x-amz-target");

        JsonNode r = call.body();
        assertThat(r.path("TrainingJobName").asText()).isEqualTo(JOB);
        assertThat(r.path("AlgorithmSpecification").path("TrainingImage").asText()).isEqualTo(RetrainBackends.IMAGE);
        assertThat(r.path("AlgorithmSpecification").path("TrainingInputMode").asText()).isEqualTo("File");
        assertThat(r.path("RoleArn").asText()).isEqualTo(RetrainBackends.ROLE);

        assertThat(r.path("InputDataConfig")).hasSize(3);
        assertThat(channels(r)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "catalog", "s3://" + LAKE + "/catalog/",
                "deletions", "s3://" + LAKE + "/deletions/",
                "events", "s3://" + LAKE + "/events/")));

        assertThat(r.path("OutputDataConfig").path("S3OutputPath").asText()).isEqualTo("s3://" + LAKE + "/models/_jobs/");
        assertThat(r.path("ResourceConfig").path("InstanceType").asText()).isEqualTo("ml.g5.xlarge");
        assertThat(r.path("ResourceConfig").path("InstanceCount").asInt()).isEqualTo(1);
        assertThat(r.path("ResourceConfig").path("VolumeSizeInGB").asInt()).isEqualTo(50);
        assertThat(r.path("StoppingCondition").path("MaxRuntimeInSeconds").asLong()).isEqualTo(4 * 3600);
        assertThat(r.path("StoppingCondition").path("MaxWaitTimeInSeconds").asLong()).isEqualTo(8 * 3600);

        assertThat(r.path("EnableManagedSpotTraining").asBoolean()).isTrue();
        assertThat(r.path("CheckpointConfig").path("S3Uri").asText()).isEqualTo("s3://" + LAKE + "/models/_checkpoints/" + JOB + "/");
        assertThat(r.path("CheckpointConfig").path("LocalPath").asText()).isEqualTo("/opt/ml/checkpoints");

        Map<String, String> hp = new TreeMap<>();
        r.path("HyperParameters").properties().forEach(e -> {
            assertThat(e.getValue().isTextual()).as("hyperparameter %s is a string", e.getKey()).isTrue();
            hp.put(e.getKey(), e.getValue().asText());
        });
        assertThat(hp).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "factors", "32", "iterations", "12", "regularization", "20.0", "alpha", "10.0", "cg_steps", "3",
                "seed", "42", "candidates_per_user", "500", "similar_per_item", "50", "model_version", "20261122T030000Z")));
    }

    @Test
    void anEmptyCatalogOrDeletionsPrefixIsLeftOutBecauseSageMakerFailsAJobOnAnEmptyChannel() throws Exception {
        RetrainBackends.emptyLake();
        put("events/dt=2026-11-21/hour=14/part-0001.jsonl.gz");

        invoke(EventSamples.read("eventbridge/scheduled-tick.json"));

        assertThat(channels(RetrainBackends.sageMaker.calls("CreateTrainingJob").get(0).body()))
                .containsExactly(Map.entry("events", "s3://" + LAKE + "/events/"));
    }

    @Test
    void aRepeatedTickFindsItsJobAlreadyThereAndSucceedsWithoutASecondJob() throws Exception {
        String tick = EventSamples.read("eventbridge/scheduled-tick.json");
        assertThat(invoke(tick).path("outcome").asText()).isEqualTo("created");

        JsonNode again = invoke(tick);

        assertThat(again.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(again.path("job_name").asText()).isEqualTo(JOB);
        assertThat(RetrainBackends.sageMaker.calls("CreateTrainingJob")).extracting(c -> c.body().path("TrainingJobName").asText())
                .containsExactly(JOB, JOB);
    }

    @Test
    void theNextTickNamesANewJob() throws Exception {
        invoke(EventSamples.read("eventbridge/scheduled-tick.json"));
        invoke(EventSamples.read("eventbridge/scheduled-tick.json").replace("2026-11-22T03:00:00Z", "2026-11-23T03:00:00Z"));

        assertThat(RetrainBackends.sageMaker.calls("CreateTrainingJob")).extracting(c -> c.body().path("TrainingJobName").asText())
                .containsExactly(JOB, "marquee-dev-refresh-20261123t030000z");
    }

    @Test
    void aSageMakerFailureFailsTheInvocationSoEventBridgeRetriesTheTick() {
        RetrainBackends.sageMaker.failNext(500, "InternalFailure");

        assertThatThrownBy(() -> invoke(EventSamples.read("eventbridge/scheduled-tick.json")))
                .isInstanceOf(LambdaRuntimeApiStub.FunctionError.class)
                .hasMessageContaining("CreateTrainingJob").hasMessageContaining("InternalFailure");
    }

    @Test
    void anEventOfAnotherKindIsRefusedNamingItsDetailType() {
        String other = EventSamples.read("eventbridge/scheduled-tick.json").replace("\"Scheduled Event\"", "\"EC2 Instance State-change Notification\"");

        assertThatThrownBy(() -> invoke(other))
                .isInstanceOf(LambdaRuntimeApiStub.FunctionError.class)
                .hasMessageContaining("detail-type 'EC2 Instance State-change Notification' is not handled");
        assertThat(RetrainBackends.sageMaker.calls()).isEmpty();
    }
}
