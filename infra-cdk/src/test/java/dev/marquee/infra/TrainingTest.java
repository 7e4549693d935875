package dev.marquee.infra;

import dev.marquee.infra.constructs.RetrainTriggers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What starts retrain, and the SageMaker role its jobs run as. */
class TrainingTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static Synth synth;
    static String retrainAlias;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        retrainAlias = synth.resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> Synth.render(Synth.props(e.getValue()).get("FunctionName")).contains("Retrain"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void aDailyScheduleInvokesRetrain() {
        Map<String, Object> rule = synth.where("AWS::Events::Rule", "Name", "marquee-dev-retrain-schedule");
        assertThat(rule.get("ScheduleExpression")).isEqualTo("cron(0 3 * * ? *)");
        assertThat(Synth.render(rule.get("Targets"))).contains("Arn=${" + retrainAlias + "}")
                .contains("RetryPolicy={MaximumEventAgeInSeconds=3600,MaximumRetryAttempts=2}");
        assertThat(synth.only("AWS::Lambda::Permission", "Principal=events.amazonaws.com",
                "SourceArn=${" + synth.idWhere("AWS::Events::Rule", "Name", "marquee-dev-retrain-schedule") + ".Arn}")
                .get("FunctionName")).isEqualTo(Map.of("Ref", retrainAlias));
    }

    @Test
    void theEndOfThisStagesTrainingJobsInvokesRetrainToPublish() {
        Map<String, Object> rule = synth.where("AWS::Events::Rule", "Name", "marquee-dev-training-finished");
        assertThat(rule.get("EventPattern")).isEqualTo(Map.of(
                "source", List.of("aws.sagemaker"),
                "detail-type", List.of("SageMaker Training Job State Change"),
                "detail", Map.of(
                        "TrainingJobName", List.of(Map.of("prefix", "marquee-dev-")),
                        "TrainingJobStatus", RetrainTriggers.FINAL_STATES)));
        assertThat(Synth.render(rule.get("Targets"))).contains("Arn=${" + retrainAlias + "}");
    }

    @Test
    void trainingRoleIsAssumableBySageMakerOnly() {
        Map<String, Object> role = synth.resources("AWS::IAM::Role").values().stream().map(Synth::props)
                .filter(p -> Synth.render(p.get("AssumeRolePolicyDocument")).contains("sagemaker")).findFirst().orElseThrow();
        assertThat(Synth.render(role.get("AssumeRolePolicyDocument")))
                .isEqualTo("{Statement=[{Action=sts:AssumeRole,Effect=Allow,Principal={Service=sagemaker.amazonaws.com}}],Version=2012-10-17}");
        assertThat(role).doesNotContainKey("ManagedPolicyArns");
    }

    @Test
    void theTrainingImageIsTheEmbeddingRefreshDockerfileBuiltForAmd64() throws Exception {
        DockerImageAsset image = synth.stack.training().imageAsset();
        assertThat(image).isNotNull();
        Map<?, ?> assets = new ObjectMapper().readValue(synth.outdir.resolve("Marquee-dev.assets.json").toFile(), Map.class);
        Map<?, ?> docker = (Map<?, ?>) ((Map<?, ?>) assets.get("dockerImages")).get(image.getAssetHash());
        assertThat(((Map<?, ?>) docker.get("source")).get("platform")).isEqualTo("linux/amd64");
        // the build context is the module folder, cut down by its .dockerignore
        Path context = synth.outdir.resolve((String) ((Map<?, ?>) docker.get("source")).get("directory"));
        assertThat(Files.readString(context.resolve("Dockerfile"))).isEqualTo(Files.readString(REPO.resolve("functions/embedding-refresh/Dockerfile")));
        try (var files = Files.walk(context)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> context.relativize(f).toString().replace('\\', '/')))
                    .allMatch(f -> f.equals("Dockerfile") || f.equals(".dockerignore") || f.equals("target/marquee-embedding-refresh.jar")
                            || f.startsWith("target/lib/") || f.equals("docker/train"));
        }
    }

    @Test
    void everyRetrainSettingTheStackSetsIsAKeyOfTheFunctionsConfig() throws Exception {
        // RetrainConfig (functions/retrain) maps marquee.retrain.*; MARQUEE_RETRAIN_MAX_RUNTIME binds max-runtime, etc.
        String config = Files.readString(REPO.resolve("functions/retrain/src/main/java/dev/marquee/retrain/RetrainConfig.java"));
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("\\s(\\w+)\\(\\);").matcher(config);
        while (m.find()) {
            keys.add("MARQUEE_RETRAIN_" + m.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        Map<String, Object> fn = synth.where("AWS::Lambda::Function", "FunctionName", "marquee-dev-retrain");
        Set<String> set = ((Map<?, ?>) ((Map<?, ?>) fn.get("Environment")).get("Variables")).keySet().stream().map(String::valueOf)
                .filter(k -> k.startsWith("MARQUEE_RETRAIN_")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(set).hasSizeGreaterThanOrEqualTo(9);
        assertThat(keys).containsAll(set);
    }
}
