package dev.marquee.infra.constructs;

import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alarms, all sent to one SNS topic (and to {@code -c alarmEmail=...} when given): api 5xx and p99 latency;
 * errors and throttles of every function; any message in a dead-letter queue; events waiting too long in the events
 * queue; the Kinesis iterator age; and a failed training job (an EventBridge rule straight to the topic).
 */
public class Alarms extends Construct {
    private final Topic topic;
    private final List<Alarm> alarms = new ArrayList<>();
    private final Rule trainingFailed;

    public Alarms(Construct scope, String id, Settings settings, HttpApi api, Map<String, Function> functions,
                  IQueue events, Map<String, IQueue> deadLetterQueues, IStream stream, String trainingJobPrefix) {
        super(scope, id);
        Settings.Alarms cfg = settings.alarms();
        topic = Topic.Builder.create(this, "Topic")
                .topicName(settings.name("alarms"))
                .displayName("Marquee " + settings.stage() + " alarms")
                .enforceSsl(true)
                .build();
        if (cfg.email() != null) {
            topic.addSubscription(new EmailSubscription(cfg.email()));
        }
        Duration five = Duration.minutes(5);
        Duration one = Duration.minutes(1);

        add(settings.name("api-5xx"), "HTTP API answered 5xx", api.metricServerError(opts("Sum", five)),
                cfg.api5xxPerFiveMinutes(), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1);
        add(settings.name("api-p99-latency"), "HTTP API p99 latency above " + cfg.apiP99LatencyMs() + " ms",
                api.metricLatency(opts("p99", five)), cfg.apiP99LatencyMs(), ComparisonOperator.GREATER_THAN_THRESHOLD, 3);
        functions.forEach((name, fn) -> {
            add(settings.name(name + "-errors"), name + " function errors", fn.metricErrors(opts("Sum", five)), 0,
                    ComparisonOperator.GREATER_THAN_THRESHOLD, 1);
            add(settings.name(name + "-throttles"), name + " function throttled", fn.metricThrottles(opts("Sum", five)), 0,
                    ComparisonOperator.GREATER_THAN_THRESHOLD, 1);
        });
        deadLetterQueues.forEach((name, q) -> add(settings.name(name + "-depth"),
                "messages in the dead-letter queue " + name + ": look, fix, redrive",
                q.metricApproximateNumberOfMessagesVisible(opts("Maximum", one)), 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 1));
        add(settings.name("events-oldest-age"), "events wait in the events queue for over 15 minutes",
                events.metricApproximateAgeOfOldestMessage(opts("Maximum", one)), 900, ComparisonOperator.GREATER_THAN_THRESHOLD, 5);
        if (stream != null) {
            add(settings.name("stream-iterator-age"), "ingest is behind on the Kinesis stream by over " + cfg.iteratorAgeSeconds() + " s",
                    stream.metricGetRecordsIteratorAgeMilliseconds(opts("Maximum", one)), cfg.iteratorAgeSeconds() * 1000.0,
                    ComparisonOperator.GREATER_THAN_THRESHOLD, 5);
        }

        // the api never answers 5xx for a store outage: it degrades and says so, so the outage shows here instead
        MathExpression degradedShare = MathExpression.Builder.create()
                .expression("IF(served > 0, 100 * degraded / served, 0)")
                .usingMetrics(Map.of(
                        "served", servingMetric("RecommendationsServed", five),
                        "degraded", servingMetric("RecommendationsDegraded", five)))
                .period(five)
                .build();
        add(settings.name("api-degraded-answers"), "over 10% of recommendations served degraded (a store down or over budget)",
                degradedShare, 10, ComparisonOperator.GREATER_THAN_THRESHOLD, 3);

        trainingFailed = Rule.Builder.create(this, "TrainingFailed")
                .ruleName(settings.name("training-failed"))
                .description("A Marquee training job failed")
                .eventPattern(RetrainTriggers.trainingJobEnded(trainingJobPrefix, List.of("Failed")))
                .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder()
                        .message(RuleTargetInput.fromText("Marquee training job " + EventField.fromPath("$.detail.TrainingJobName")
                                + " failed: " + EventField.fromPath("$.detail.FailureReason")))
                        .build())))
                .build();
    }

    /** An EMF metric of the api's ServingMetrics (namespace Marquee, dimension Function=api). */
    private static Metric servingMetric(String name, Duration period) {
        return Metric.Builder.create().namespace("Marquee").metricName(name).dimensionsMap(Map.of("Function", "api"))
                .statistic("Sum").period(period).build();
    }

    private static MetricOptions opts(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    private void add(String name, String description, IMetric metric, double threshold, ComparisonOperator op, int periods) {
        Alarm alarm = Alarm.Builder.create(this, name)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(op)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods == 1 ? 1 : Math.max(1, periods - 1))
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
    }

    public Topic topic() {
        return topic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    public Rule trainingFailed() {
        return trainingFailed;
    }
}
