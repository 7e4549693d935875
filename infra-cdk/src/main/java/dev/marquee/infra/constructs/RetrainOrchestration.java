package dev.marquee.infra.constructs;

import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import java.util.Map;

/**
 * The scheduled retrain loop, end to end: the SageMaker job's role and image ({@link TrainingJob}), the settings the
 * retrain function starts it with ({@link #environment()}), what invokes the function ({@link RetrainTriggers}: the
 * schedule, and the end of this stage's jobs), what the function may do (start and describe those jobs, pass only
 * that role, load the bundle's lists and switch the active version, copy a bundle out of the job's archive into
 * {@code models/}), and an alarm when a job fails (the function counts failures as TrainingJobsFailed).
 *
 * <p>Built in three steps because the function sits between them: this construct before the function (it needs
 * {@link #environment()}), {@link #connect} after it, {@link #alarmTo} once the alarm topic exists.
 */
public class RetrainOrchestration extends Construct {
    /** The EMF metric the retrain function emits per failed job (namespace Marquee, dimension Function=retrain). */
    public static final String FAILED_METRIC = "TrainingJobsFailed";

    private final Settings settings;
    private final TrainingJob training;
    private final IBucket lake;
    private RetrainTriggers triggers;
    private Alarm failedAlarm;

    public RetrainOrchestration(Construct scope, String id, Settings settings, RepoPaths paths, IBucket lake) {
        super(scope, id);
        this.settings = settings;
        this.lake = lake;
        this.training = new TrainingJob(this, "Training", settings, paths, lake);
    }

    /** The retrain function's marquee.retrain.* settings, as environment variables. */
    public Map<String, String> environment() {
        return training.environment();
    }

    /**
     * Grants the function what publishing and starting jobs need, and points the schedule and the job-state rule at
     * {@code target} (the function's live alias).
     */
    public void connect(Function retrain, IFunction target, ITableV2 candidates, ITableV2 models) {
        candidates.grantReadWriteData(retrain);
        models.grantReadWriteData(retrain);
        // bundles (and the job archives they may be copied from) are read; a bundle found only in the archive is
        // copied to models/<version>/ before publishing
        lake.grantRead(retrain, Lake.MODELS_PREFIX + "*");
        lake.grantPut(retrain, Lake.MODELS_PREFIX + "*");
        training.grantStartAndDescribe(retrain);
        triggers = new RetrainTriggers(this, "Triggers", settings.name(""), settings.training().schedule(),
                training.jobNamePrefix(), target);
    }

    /** An alarm on any failed training job, to the topic (the function logs the job's FailureReason). */
    public Alarm alarmTo(ITopic topic) {
        failedAlarm = Alarm.Builder.create(this, "FailedJobAlarm")
                .alarmName(settings.name("training-job-failed"))
                .alarmDescription("a SageMaker training job of this stage failed: nothing was published, the previous model serves")
                .metric(Metric.Builder.create()
                        .namespace("Marquee")
                        .metricName(FAILED_METRIC)
                        .dimensionsMap(Map.of("Function", "retrain"))
                        .statistic("Sum")
                        .period(Duration.hours(1))
                        .build())
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        failedAlarm.addAlarmAction(new SnsAction(topic));
        failedAlarm.addOkAction(new SnsAction(topic));
        return failedAlarm;
    }

    public TrainingJob training() {
        return training;
    }

    public RetrainTriggers triggers() {
        return triggers;
    }

    public Alarm failedAlarm() {
        return failedAlarm;
    }
}
