package dev.marquee.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.s3.S3ModelStore;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.TestTarball;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.marquee.retrain.RetrainBackends.LAKE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SageMaker state-change events of events-samples/ through the function's Lambda poll loop, publishing bundles from
 * S3Mock into DynamoDB Local with the real adapters: a completed job is published once however often its event comes,
 * a failed one changes nothing, a bundle below the gate stays unpublished.
 */
@QuarkusTest
@QuarkusTestResource(LambdaRuntimeResource.class)
@QuarkusTestResource(RetrainBackends.class)
class PublishOnJobStateChangeIT {
    private static final String VERSION = "20261122T030000Z";
    private static final String TARBALL_KEY = "models/_jobs/marquee-dev-refresh-20261122t030000z/output/model.tar.gz";

    @Inject
    ObjectMapper json;

    S3ModelStore lake;
    DynamoDbModelRegistry registry;
    DynamoDbCandidateStore candidates;

    @BeforeEach
    void emptyStores() {
        RetrainBackends.createTables();
        RetrainBackends.emptyLake();
        RetrainBackends.sageMaker.reset();
        lake = new S3ModelStore(RetrainBackends.s3, LAKE);
        registry = new DynamoDbModelRegistry(RetrainBackends.dynamoClient, DynamoDbTables.MODELS);
        candidates = new DynamoDbCandidateStore(RetrainBackends.dynamoClient, DynamoDbTables.CANDIDATES);
    }

    private JsonNode invoke(String eventJson) throws Exception {
        return json.readTree(LambdaRuntimeResource.runtime.invoke(eventJson, Duration.ofSeconds(30)));
    }

    private String completedFor(String version) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(EventSamples.read("eventbridge/sagemaker-job-completed.json"));
        ((ObjectNode) event.path("detail").path("HyperParameters")).put("model_version", version);
        return json.writeValueAsString(event);
    }

    @Test
    void aCompletedJobsBundleIsLoadedAndBecomesTheActiveVersion() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.12);

        JsonNode outcome = invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));

        assertThat(outcome.path("outcome").asText()).as(outcome.toString()).isEqualTo("published");
        assertThat(outcome.path("model_version").asText()).isEqualTo(VERSION);
        assertThat(registry.active()).map(ModelVersion::version).contains(VERSION);
        assertThat(registry.active().orElseThrow().metrics()).containsEntry("ndcg@10", 0.12);
        assertThat(candidates.get(VERSION, CandidateKind.USER, TestBundles.key(CandidateKind.USER, 7)))
                .isEqualTo(TestBundles.list(VERSION, 5));
        // the event carried the hyperparameters: SageMaker was not asked
        assertThat(RetrainBackends.sageMaker.calls()).isEmpty();
    }

    @Test
    void aRepeatedCompletedEventIsANoOpSuccess() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.12);
        String event = EventSamples.read("eventbridge/sagemaker-job-completed.json");
        assertThat(invoke(event).path("outcome").asText()).isEqualTo("published");
        ModelVersion first = registry.active().orElseThrow();

        JsonNode again = invoke(event);

        assertThat(again.path("outcome").asText()).isEqualTo("already-published");
        assertThat(registry.active()).contains(first);
        assertThat(registry.previous()).isEmpty();
    }

    @Test
    void anOldCompletedEventDeliveredAfterANewerPublishDoesNotTakeTheServingVersionBack() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.12);
        TestBundles.write(lake, "20261123T030000Z", 20, 0.13);
        invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));
        invoke(completedFor("20261123T030000Z"));

        JsonNode late = invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));

        assertThat(late.path("outcome").asText()).isEqualTo("already-published");
        assertThat(registry.active()).map(ModelVersion::version).contains("20261123T030000Z");
    }

    @Test
    void aBundleOnlyInTheJobsModelArchiveIsCopiedIntoTheLakeAndPublished(@TempDir Path local) throws Exception {
        LocalFolderModelStore folder = new LocalFolderModelStore(local);
        TestBundles.write(folder, VERSION, 10, 0.12);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("./models/" + VERSION + "/manifest.json", folder.get(VERSION, "manifest.json").orElseThrow());
        for (String artifact : folder.artifacts(VERSION)) {
            entries.putIfAbsent("./models/" + VERSION + "/" + artifact, folder.get(VERSION, artifact).orElseThrow());
        }
        RetrainBackends.s3.putObject(b -> b.bucket(LAKE).key(TARBALL_KEY), RequestBody.fromBytes(TestTarball.of(entries)));

        JsonNode outcome = invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));

        assertThat(outcome.path("outcome").asText()).as(outcome.toString()).isEqualTo("published");
        assertThat(lake.artifacts(VERSION)).containsExactlyInAnyOrderElementsOf(folder.artifacts(VERSION));
        assertThat(registry.active()).map(ModelVersion::version).contains(VERSION);
    }

    @Test
    void aCompletedJobWithoutABundleIsRefusedAndNothingSwitches() throws Exception {
        JsonNode outcome = invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));

        assertThat(outcome.path("outcome").asText()).isEqualTo("refused");
        assertThat(outcome.path("reason").asText()).contains(TARBALL_KEY);
        assertThat(registry.active()).isEmpty();
    }

    @Test
    void aBundleBelowTheGateIsRefusedAndTheActiveVersionStays() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.20);
        invoke(EventSamples.read("eventbridge/sagemaker-job-completed.json"));
        TestBundles.write(lake, "20261123T030000Z", 20, 0.10);

        JsonNode outcome = invoke(completedFor("20261123T030000Z"));

        assertThat(outcome.path("outcome").asText()).isEqualTo("refused");
        assertThat(outcome.path("reason").asText()).contains("ndcg@10");
        assertThat(registry.active()).map(ModelVersion::version).contains(VERSION);
    }

    @Test
    void aFailedJobIsReportedWithItsReasonAndPublishesNothing() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.12);

        JsonNode outcome = invoke(EventSamples.read("eventbridge/sagemaker-job-failed.json"));

        assertThat(outcome.path("outcome").asText()).isEqualTo("job-failed");
        assertThat(outcome.path("reason").asText()).startsWith("AlgorithmError: exit code 3");
        assertThat(registry.active()).isEmpty();
        assertThat(candidates.get(VERSION, CandidateKind.USER, TestBundles.key(CandidateKind.USER, 7))).isEmpty();
    }

    @Test
    void aStoppedJobPublishesNothingEvenWhenABundleIsThere() throws Exception {
        TestBundles.write(lake, VERSION, 20, 0.12);
        String stopped = EventSamples.read("eventbridge/sagemaker-job-failed.json").replace("\"Failed\"", "\"Stopped\"");

        JsonNode outcome = invoke(stopped);

        assertThat(outcome.path("outcome").asText()).isEqualTo("job-stopped");
        assertThat(registry.active()).isEmpty();
    }

    @Test
    void withoutHyperparametersInTheEventTheVersionComesFromSageMaker() throws Exception {
        // the job as the stub knows it: started by the tick of the same time
        invoke(EventSamples.read("eventbridge/scheduled-tick.json"));
        TestBundles.write(lake, VERSION, 20, 0.12);
        ObjectNode event = (ObjectNode) json.readTree(EventSamples.read("eventbridge/sagemaker-job-completed.json"));
        ((ObjectNode) event.path("detail")).remove("HyperParameters");

        JsonNode outcome = invoke(json.writeValueAsString(event));

        assertThat(outcome.path("outcome").asText()).isEqualTo("published");
        assertThat(RetrainBackends.sageMaker.calls("DescribeTrainingJob")).singleElement()
                .satisfies(c -> assertThat(c.body().path("TrainingJobName").asText()).isEqualTo("marquee-dev-refresh-20261122t030000z"));
        assertThat(registry.active()).map(ModelVersion::version).contains(VERSION);
    }
}
