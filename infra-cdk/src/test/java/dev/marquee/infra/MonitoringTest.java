package dev.marquee.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Alarms (metric, statistic, threshold, dimensions, actions), the failed-training rule, and the dashboard. */
class MonitoringTest {
    static Synth synth;
    static String topic;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        topic = synth.idWhere("AWS::SNS::Topic", "TopicName", "marquee-dev-alarms");
    }

    static Map<String, Object> alarm(String name) {
        return synth.where("AWS::CloudWatch::Alarm", "AlarmName", "marquee-dev-" + name);
    }

    static void assertMetric(Map<String, Object> alarm, String namespace, String metric, String dimension, String dimensionValue) {
        assertThat(alarm.get("Namespace")).isEqualTo(namespace);
        assertThat(alarm.get("MetricName")).isEqualTo(metric);
        assertThat(Synth.render(alarm.get("Dimensions"))).isEqualTo("[{Name=" + dimension + ",Value=" + dimensionValue + "}]");
    }

    @Test
    void everyAlarmNotifiesTheTopicAndTreatsMissingDataAsFine() {
        var alarms = synth.resources("AWS::CloudWatch::Alarm");
        // api 5xx + p99, errors and throttles of 3 functions, 3 dead-letter queues, events age, stream iterator age,
        // degraded answers, failed training job
        assertThat(alarms).hasSize(2 + 6 + 3 + 1 + 1 + 1 + 1);
        alarms.forEach((id, r) -> {
            Map<String, Object> p = Synth.props(r);
            assertThat(Synth.render(p.get("AlarmActions"))).as(id).isEqualTo("[${" + topic + "}]");
            assertThat(Synth.render(p.get("OKActions"))).as(id).isEqualTo("[${" + topic + "}]");
            assertThat(p.get("TreatMissingData")).as(id).isEqualTo("notBreaching");
        });
    }

    @Test
    void degradedRecommendationsAlarmOnTheirShareOfTheApisEmfCounts() {
        Map<String, Object> degraded = alarm("api-degraded-answers");
        String metrics = Synth.render(degraded.get("Metrics"));
        assertThat(metrics).contains("Expression=IF(served > 0, 100 * degraded / served, 0)")
                .contains("MetricName=RecommendationsServed").contains("MetricName=RecommendationsDegraded")
                .contains("Namespace=Marquee").contains("Dimensions=[{Name=Function,Value=api}]");
        assertThat(degraded).containsEntry("Threshold", 10).containsEntry("ComparisonOperator", "GreaterThanThreshold")
                .containsEntry("EvaluationPeriods", 3);
    }

    @Test
    void api5xxAndP99Latency() {
        String api = "${" + synth.idWhere("AWS::ApiGatewayV2::Api", "Name", "marquee-dev-api") + "}";
        Map<String, Object> errors = alarm("api-5xx");
        assertMetric(errors, "AWS/ApiGateway", "5xx", "ApiId", api);
        assertThat(errors).containsEntry("Statistic", "Sum").containsEntry("Period", 300).containsEntry("Threshold", 5)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        Map<String, Object> latency = alarm("api-p99-latency");
        assertMetric(latency, "AWS/ApiGateway", "Latency", "ApiId", api);
        assertThat(latency).containsEntry("ExtendedStatistic", "p99").containsEntry("Threshold", 1000)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold").containsEntry("EvaluationPeriods", 3)
                .containsEntry("DatapointsToAlarm", 2).doesNotContainKey("Statistic");
    }

    @Test
    void errorsAndThrottlesOfEveryFunction() {
        for (String f : List.of("api", "ingest", "retrain")) {
            String fn = "${" + synth.idWhere("AWS::Lambda::Function", "FunctionName", "marquee-dev-" + f) + "}";
            for (String metric : List.of("Errors", "Throttles")) {
                Map<String, Object> a = alarm(f + "-" + metric.toLowerCase());
                assertMetric(a, "AWS/Lambda", metric, "FunctionName", fn);
                assertThat(a).as(f + " " + metric).containsEntry("Statistic", "Sum").containsEntry("Threshold", 0)
                        .containsEntry("ComparisonOperator", "GreaterThanThreshold");
            }
        }
    }

    @Test
    void anyMessageInADeadLetterQueueAlarms() {
        for (String q : List.of("events-dlq", "poison", "stream-failures")) {
            String queue = "${" + synth.idWhere("AWS::SQS::Queue", "QueueName", "marquee-dev-" + q) + ".QueueName}";
            Map<String, Object> a = alarm(q + "-depth");
            assertMetric(a, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue);
            assertThat(a).containsEntry("Statistic", "Maximum").containsEntry("Threshold", 0)
                    .containsEntry("ComparisonOperator", "GreaterThanThreshold").containsEntry("Period", 60);
        }
        Map<String, Object> age = alarm("events-oldest-age");
        assertMetric(age, "AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName",
                "${" + synth.idWhere("AWS::SQS::Queue", "QueueName", "marquee-dev-events") + ".QueueName}");
        assertThat(age).containsEntry("Threshold", 900);
    }

    @Test
    void kinesisIteratorAge() {
        Map<String, Object> a = alarm("stream-iterator-age");
        assertMetric(a, "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName",
                "${" + synth.idWhere("AWS::Kinesis::Stream", "Name", "marquee-dev-events") + "}");
        assertThat(a).containsEntry("Statistic", "Maximum").containsEntry("Threshold", 300000)
                .containsEntry("EvaluationPeriods", 5).containsEntry("DatapointsToAlarm", 4);
    }

    @Test
    void aFailedTrainingJobIsSentToTheTopic() {
        Map<String, Object> rule = synth.where("AWS::Events::Rule", "Name", "marquee-dev-training-failed");
        assertThat(Synth.render(rule.get("EventPattern"))).contains("TrainingJobStatus=[Failed]")
                .contains("TrainingJobName=[{prefix=marquee-dev-}]").contains("source=[aws.sagemaker]");
        assertThat(Synth.render(rule.get("Targets"))).contains("Arn=${" + topic + "}").contains("$.detail.FailureReason");
        Map<String, Object> policy = synth.only("AWS::SNS::TopicPolicy", "Topics=[${" + topic + "}]");
        assertThat(Synth.render(policy.get("PolicyDocument")))
                .contains("Action=sns:Publish,Effect=Allow,Principal={Service=events.amazonaws.com}")
                .contains("Condition={Bool={aws:SecureTransport=false}},Effect=Deny");
    }

    @Test
    void anyFailedTrainingJobRaisesAnAlarmOnRetrainsCount() {
        Map<String, Object> a = alarm("training-job-failed");
        assertMetric(a, "Marquee", "TrainingJobsFailed", "Function", "retrain");
        assertThat(a).containsEntry("Statistic", "Sum").containsEntry("Period", 3600).containsEntry("Threshold", 0)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold").containsEntry("EvaluationPeriods", 1);
        String body = Synth.render(synth.where("AWS::CloudWatch::Dashboard", "DashboardName", "marquee-dev-ops").get("DashboardBody"));
        assertThat(body).contains("${" + synth.idWhere("AWS::CloudWatch::Alarm", "AlarmName", "marquee-dev-training-job-failed") + ".Arn}");
    }

    @Test
    void dashboardShowsApiFunctionsIngestionCacheAndAlarms() {
        Map<String, Object> d = synth.where("AWS::CloudWatch::Dashboard", "DashboardName", "marquee-dev-ops");
        String body = Synth.render(d.get("DashboardBody"));
        assertThat(body).contains("\"AWS/ApiGateway\",\"5xx\"", "\"AWS/ApiGateway\",\"Latency\"", "\"stat\":\"p99\"",
                "\"AWS/Lambda\",\"Invocations\"", "\"AWS/Lambda\",\"Throttles\"", "\"AWS/Lambda\",\"ConcurrentExecutions\"",
                "\"AWS/SQS\",\"ApproximateNumberOfMessagesVisible\"", "\"AWS/Kinesis\",\"GetRecords.IteratorAgeMilliseconds\"",
                "\"Marquee\",\"EventsWritten\",\"Function\",\"ingest\"", "\"AWS/ElastiCache\",\"ElastiCacheProcessingUnits\",\"clusterId\",\"marquee-dev-cache\"",
                "\"type\":\"alarm\"");
        for (String f : List.of("api", "ingest", "retrain")) {
            assertThat(body).contains("\"label\":\"" + f + " p99\"");
        }
    }
}
