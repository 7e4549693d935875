package dev.marquee.adapters.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.adapters.aws.SignedJsonClient;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.TrainingJobs;
import dev.marquee.domain.retrain.TrainingJobSpec;
import dev.marquee.testing.aws.SageMakerStub;
import dev.marquee.testing.backend.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SageMaker adapter against the loopback SageMaker stub: request shapes and what each answer means. */
class SageMakerTrainingJobsIT {
    private static SageMakerStub stub;

    private SageMakerTrainingJobs jobs;

    @BeforeAll
    static void start() {
        stub = SageMakerStub.start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void fresh() {
        stub.reset();
        jobs = new SageMakerTrainingJobs(client(stub.endpoint()));
    }

    private static SignedJsonClient client(URI endpoint) {
        return new SignedJsonClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).build(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                SageMakerTrainingJobs.SIGNING_NAME, SageMakerTrainingJobs.TARGET_PREFIX, "eu-west-1", endpoint);
    }

    private static TrainingJobSpec onDemand(String name) {
        return new TrainingJobSpec(name, "img:1", "arn:aws:iam::123456789012:role/r",
                Map.of("events", "s3://lake/events/", "catalog", "s3://lake/catalog/"), "s3://lake/models/_jobs/",
                "ml.g5.xlarge", 1, 50, Duration.ofHours(2), false, null, null,
                Map.of("factors", "64", "model_version", "20261122T030000Z"), Map.of("project", "marquee"));
    }

    @Test
    void anOnDemandJobAsksForNoSpotCapacityAndNoCheckpoints() {
        assertThat(jobs.start(onDemand("marquee-dev-refresh-1"))).isEqualTo(TrainingJobs.Start.CREATED);

        JsonNode r = stub.calls("CreateTrainingJob").get(0).body();
        assertThat(r.path("EnableManagedSpotTraining").asBoolean(true)).isFalse();
        assertThat(r.has("CheckpointConfig")).isFalse();
        assertThat(r.path("StoppingCondition").has("MaxWaitTimeInSeconds")).isFalse();
        assertThat(r.path("StoppingCondition").path("MaxRuntimeInSeconds").asLong()).isEqualTo(7200);
        assertThat(r.path("Tags").toString()).isEqualTo("[{\"Key\":\"project\",\"Value\":\"marquee\"}]");
    }

    @Test
    void callsAreSignedForSageMakerInTheConfiguredRegion() {
        jobs.start(onDemand("marquee-dev-refresh-2"));

        SageMakerStub.Call call = stub.calls().get(0);
        assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/sagemaker/aws4_request");
        assertThat(call.header("x-amz-target")).isEqualTo("SageMaker.CreateTrainingJob");
        assertThat(call.header("x-amz-date")).matches("\\d{8}T\\d{6}Z");
    }

    @Test
    void aDuplicateNameMeansTheJobAlreadyExists() {
        jobs.start(onDemand("marquee-dev-refresh-3"));

        assertThat(jobs.start(onDemand("marquee-dev-refresh-3"))).isEqualTo(TrainingJobs.Start.ALREADY_EXISTS);
    }

    @Test
    void anyOtherErrorIsAnUnavailableStoreNamingTheJobAndTheType() {
        stub.failNext(400, "com.amazonaws.sagemaker#ResourceLimitExceeded");

        assertThatThrownBy(() -> jobs.start(onDemand("marquee-dev-refresh-4")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("marquee-dev-refresh-4").hasMessageContaining("ResourceLimitExceeded");
    }

    @Test
    void anUnreachableServiceIsAnUnavailableStore() {
        SageMakerTrainingJobs nowhere = new SageMakerTrainingJobs(client(URI.create("http://127.0.0.1:" + FreePort.next())));

        assertThatThrownBy(() -> nowhere.start(onDemand("marquee-dev-refresh-5")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("did not complete");
    }

    @Test
    void describeReturnsTheJobsHyperparametersAndNothingForAnUnknownJob() {
        jobs.start(onDemand("marquee-dev-refresh-6"));

        assertThat(jobs.hyperParameters("marquee-dev-refresh-6")).containsEntry("model_version", "20261122T030000Z").hasSize(2);
        assertThat(jobs.hyperParameters("marquee-dev-refresh-none")).isEmpty();
    }

    @Test
    void theRegionalEndpointIsTheApiHost() {
        assertThat(SageMakerTrainingJobs.endpointFor("eu-west-1")).hasToString("https://api.sagemaker.eu-west-1.amazonaws.com");
        assertThat(SageMakerTrainingJobs.endpointFor("cn-north-1")).hasToString("https://api.sagemaker.cn-north-1.amazonaws.com.cn");
    }
}
