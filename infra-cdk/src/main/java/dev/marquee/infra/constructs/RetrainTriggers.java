package dev.marquee.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * What invokes retrain: a schedule (start a refresh job) and the end of this stage's training jobs (SageMaker
 * Training Job State Change: Completed, Failed or Stopped; publish gates on a completed job's metrics).
 */
public class RetrainTriggers extends Construct {
    public static final List<String> FINAL_STATES = List.of("Completed", "Failed", "Stopped");

    private final Rule schedule;
    private final Rule jobStateChange;

    public RetrainTriggers(Construct scope, String id, String namePrefix, String scheduleExpression, String jobNamePrefix,
                           IFunction retrain) {
        super(scope, id);
        LambdaFunction target = new LambdaFunction(retrain, LambdaFunctionProps.builder()
                .retryAttempts(2)
                .maxEventAge(Duration.hours(1))
                .build());
        schedule = Rule.Builder.create(this, "Schedule")
                .ruleName(namePrefix + "retrain-schedule")
                .description("Start the embedding-refresh training job")
                .schedule(Schedule.expression(scheduleExpression))
                .targets(List.of(target))
                .build();
        jobStateChange = Rule.Builder.create(this, "JobStateChange")
                .ruleName(namePrefix + "training-finished")
                .description("A Marquee training job ended: gate on its metrics and publish")
                .eventPattern(trainingJobEnded(jobNamePrefix, FINAL_STATES))
                .targets(List.of(target))
                .build();
    }

    /** SageMaker's event when one of this stage's jobs reaches one of the given states. */
    public static EventPattern trainingJobEnded(String jobNamePrefix, List<String> states) {
        return EventPattern.builder()
                .source(List.of("aws.sagemaker"))
                .detailType(List.of("SageMaker Training Job State Change"))
                .detail(Map.of(
                        "TrainingJobName", List.of(Map.of("prefix", jobNamePrefix)),
                        "TrainingJobStatus", states))
                .build();
    }

    public Rule schedule() {
        return schedule;
    }

    public Rule jobStateChange() {
        return jobStateChange;
    }
}
