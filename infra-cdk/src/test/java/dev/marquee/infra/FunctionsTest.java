package dev.marquee.infra;

import dev.marquee.infra.constructs.FunctionCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three functions with the default packaging (native), their settings, environment, logs and aliases. */
class FunctionsTest {
    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
    }

    static Map<String, Object> fn(String name) {
        return synth.where("AWS::Lambda::Function", "FunctionName", "marquee-dev-" + name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> env(String name) {
        Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) fn(name).get("Environment")).get("Variables");
        Map<String, String> out = new java.util.TreeMap<>();
        vars.forEach((k, v) -> out.put(k, Synth.render(v)));
        return out;
    }

    static String id(String type, String name) {
        return synth.resources(type).entrySet().stream()
                .filter(e -> Synth.render(Synth.props(e.getValue())).contains(name))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void nativePackagingRunsOnProvidedAl2023WithoutSnapStart() {
        for (String f : List.of("api", "ingest", "retrain")) {
            Map<String, Object> p = fn(f);
            assertThat(p.get("Runtime")).as(f).isEqualTo("provided.al2023");
            assertThat(p.get("Handler")).as(f).isEqualTo(FunctionCode.PROVIDED_HANDLER);
            assertThat(p.get("Architectures")).as(f).isEqualTo(List.of("x86_64"));
            assertThat(p).as(f).doesNotContainKey("SnapStart").doesNotContainKey("ReservedConcurrentExecutions");
            assertThat(p.get("TracingConfig")).as(f).isEqualTo(Map.of("Mode", "Active"));
        }
    }

    @Test
    void memoryAndTimeoutPerFunction() {
        assertThat(fn("api")).containsEntry("MemorySize", 1024).containsEntry("Timeout", 10);
        assertThat(fn("ingest")).containsEntry("MemorySize", 1024).containsEntry("Timeout", 60);
        assertThat(fn("retrain")).containsEntry("MemorySize", 1024).containsEntry("Timeout", 600);
    }

    @Test
    void apiEnvironmentNamesEveryStoreItUsesAndTheEventsQueue() {
        String cache = synth.resources("AWS::ElastiCache::ServerlessCache").keySet().iterator().next();
        assertThat(env("api")).isEqualTo(Map.ofEntries(
                Map.entry("MARQUEE_BACKEND", "aws"),
                Map.entry("MARQUEE_AWS_LAKE_BUCKET", "${" + synth.resources("AWS::S3::Bucket").keySet().iterator().next() + "}"),
                Map.entry("MARQUEE_AWS_TABLES_ITEMS", "${" + synth.idWhere("AWS::DynamoDB::GlobalTable", "TableName", "marquee-dev-items") + "}"),
                Map.entry("MARQUEE_AWS_TABLES_USERS", "${" + synth.idWhere("AWS::DynamoDB::GlobalTable", "TableName", "marquee-dev-users") + "}"),
                Map.entry("MARQUEE_AWS_TABLES_CANDIDATES", "${" + synth.idWhere("AWS::DynamoDB::GlobalTable", "TableName", "marquee-dev-candidates") + "}"),
                Map.entry("MARQUEE_AWS_TABLES_MODELS", "${" + synth.idWhere("AWS::DynamoDB::GlobalTable", "TableName", "marquee-dev-models") + "}"),
                Map.entry("MARQUEE_AWS_EVENTS_QUEUE_URL", "${" + synth.idWhere("AWS::SQS::Queue", "QueueName", "marquee-dev-events") + "}"),
                Map.entry("MARQUEE_AWS_EVENTS_STREAM", "${" + synth.idWhere("AWS::Kinesis::Stream", "Name", "marquee-dev-events") + "}"),
                Map.entry("QUARKUS_REDIS_HOSTS", "rediss://${" + cache + ".Endpoint.Address}:${" + cache + ".Endpoint.Port}"),
                Map.entry("MARQUEE_SERVING_TRACKING_SECRET", "{{resolve:secretsmanager:${"
                        + synth.idWhere("AWS::SecretsManager::Secret", "Name", "marquee-dev-tracking-secret") + "}:SecretString:::}}")));
    }

    @Test
    void theTrackingSecretIsGeneratedNotWrittenIntoTheTemplate() {
        Map<String, Object> secret = Synth.props(synth.resource(
                synth.idWhere("AWS::SecretsManager::Secret", "Name", "marquee-dev-tracking-secret")));
        assertThat(secret).doesNotContainKey("SecretString");
        assertThat(Synth.render(secret.get("GenerateSecretString"))).contains("PasswordLength=64").contains("ExcludePunctuation=true");
        assertThat(env("ingest")).doesNotContainKey("MARQUEE_SERVING_TRACKING_SECRET");
    }

    @Test
    void ingestEnvironmentHasTheDeadLetterQueueAndNoEventsQueue() {
        Map<String, String> e = env("ingest");
        assertThat(e.get("MARQUEE_AWS_DEAD_LETTER_QUEUE_URL"))
                .isEqualTo("${" + synth.idWhere("AWS::SQS::Queue", "QueueName", "marquee-dev-poison") + "}");
        assertThat(e).containsEntry("MARQUEE_BACKEND", "aws").containsKey("QUARKUS_REDIS_HOSTS").containsKey("MARQUEE_AWS_LAKE_BUCKET")
                .doesNotContainKey("MARQUEE_AWS_EVENTS_QUEUE_URL").doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void retrainEnvironmentCarriesTheTrainingJobSettings() {
        Map<String, String> e = env("retrain");
        String bucket = synth.resources("AWS::S3::Bucket").keySet().iterator().next();
        String imageTag = synth.stack.training().imageAsset().getAssetHash();
        assertThat(e).containsEntry("MARQUEE_RETRAIN_TRAINING_IMAGE", "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/"
                        + "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}:" + imageTag)
                .containsEntry("MARQUEE_RETRAIN_INSTANCE_TYPE", "ml.g5.xlarge")
                .containsEntry("MARQUEE_RETRAIN_MAX_RUNTIME", "PT4H")
                .containsEntry("MARQUEE_RETRAIN_SPOT", "true")
                .containsEntry("MARQUEE_RETRAIN_MAX_WAIT", "PT8H")
                .containsEntry("MARQUEE_RETRAIN_CHECKPOINT_URI", "s3://${" + bucket + "}/models/_checkpoints/")
                .containsEntry("MARQUEE_RETRAIN_JOB_PREFIX", "marquee-dev-")
                .containsEntry("MARQUEE_RETRAIN_OUTPUT_URI", "s3://${" + bucket + "}/models/_jobs/")
                .containsEntry("MARQUEE_RETRAIN_ROLE_ARN", "${" + id("AWS::IAM::Role", "sagemaker.amazonaws.com") + ".Arn}")
                .doesNotContainKey("QUARKUS_REDIS_HOSTS");
    }

    @Test
    void redisUsersRunInTheIsolatedSubnetsAndRetrainOutsideTheVpc() {
        for (String f : List.of("api", "ingest")) {
            List<Object> subnets = Synth.list(((Map<?, ?>) fn(f).get("VpcConfig")).get("SubnetIds"));
            assertThat(subnets).as(f).hasSize(2).allSatisfy(s -> assertThat(Synth.render(s)).contains("isolated"));
        }
        assertThat(fn("retrain")).doesNotContainKey("VpcConfig");
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithRetention() {
        for (String f : List.of("api", "ingest", "retrain")) {
            String group = synth.idWhere("AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/marquee-dev-" + f);
            assertThat(Synth.props(synth.resource(group))).as(f).containsEntry("RetentionInDays", 30);
            assertThat(Synth.render(fn(f).get("LoggingConfig"))).as(f).isEqualTo("{LogGroup=${" + group + "}}");
        }
    }

    @Test
    void everyFunctionHasALiveAliasOnItsCurrentVersionWithoutProvisionedConcurrency() {
        assertThat(synth.resources("AWS::Lambda::Alias")).hasSize(3);
        synth.resources("AWS::Lambda::Alias").forEach((id, r) -> {
            Map<String, Object> p = Synth.props(r);
            assertThat(p.get("Name")).isEqualTo("live");
            assertThat(Synth.render(p.get("FunctionVersion"))).contains("CurrentVersion").endsWith(".Version}");
            assertThat(p).doesNotContainKey("ProvisionedConcurrencyConfig");
        });
    }

    @Test
    void placeholderAssetsNeverReadBuildOutputs() {
        // all three functions share the one placeholder asset
        assertThat(synth.resources("AWS::Lambda::Function").values().stream()
                .map(Synth::props)
                .filter(p -> String.valueOf(p.get("FunctionName")).startsWith("marquee-dev-"))
                .map(p -> Synth.render(p.get("Code"))).distinct()).hasSize(1);
    }
}
