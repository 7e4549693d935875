package dev.marquee.infra;

import dev.marquee.infra.constructs.RetrainTriggers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What starts retrain, and the SageMaker role its jobs run as. */
class TrainingTest {
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
    void noImageAssetWithoutADockerfile() {
        // functions/embedding-refresh has no Dockerfile yet: the image comes from context
        assertThat(synth.stack.training().imageUri()).isEqualTo(Synth.DEFAULTS.get("trainingImage"));
        assertThat(synth.stack.getNode().findAll().stream()
                .filter(c -> c instanceof software.amazon.awscdk.services.ecr.assets.DockerImageAsset)).isEmpty();
    }
}
