package dev.marquee.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch dashboard for the stage: the API (requests, errors, latency), every function (invocations, errors,
 * throttles, duration, concurrency), ingestion (queue depths, oldest message, Kinesis records and iterator age, the
 * ingest function's own EMF metrics), the cache (ECPUs, bytes), and the state of every alarm.
 */
public class OpsDashboard extends Construct {
    /** The namespace of the functions' Embedded Metric Format lines (EmfMetrics in shared/runtime). */
    public static final String EMF_NAMESPACE = "Marquee";

    private final Dashboard dashboard;

    public OpsDashboard(Construct scope, String id, String name, HttpApi api, Map<String, Function> functions,
                        Map<String, IQueue> queues, IStream stream, String cacheName, List<? extends IAlarm> alarms) {
        super(scope, id);
        Duration period = Duration.minutes(1);
        List<List<IWidget>> rows = new ArrayList<>();
        rows.add(List.of(
                graph("API requests and errors", List.of(api.metricCount(opts("Sum", period)),
                        api.metricClientError(opts("Sum", period)), api.metricServerError(opts("Sum", period)))),
                graph("API latency (ms)", List.of(api.metricLatency(opts("p50", period)), api.metricLatency(opts("p99", period)),
                        api.metricIntegrationLatency(opts("p99", period))))));
        List<IMetric> invocations = new ArrayList<>();
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        List<IMetric> concurrency = new ArrayList<>();
        functions.forEach((fname, fn) -> {
            invocations.add(fn.metricInvocations(opts("Sum", period, fname)));
            errors.add(fn.metricErrors(opts("Sum", period, fname + " errors")));
            errors.add(fn.metricThrottles(opts("Sum", period, fname + " throttles")));
            durations.add(fn.metricDuration(opts("p99", period, fname + " p99")));
            concurrency.add(fn.metric("ConcurrentExecutions", opts("Maximum", period, fname)));
        });
        rows.add(List.of(graph("Invocations", invocations), graph("Errors and throttles", errors),
                graph("Duration p99 (ms)", durations), graph("Concurrent executions", concurrency)));

        List<IMetric> depths = new ArrayList<>();
        queues.forEach((qname, q) -> depths.add(q.metricApproximateNumberOfMessagesVisible(opts("Maximum", period, qname))));
        List<IMetric> ages = new ArrayList<>();
        queues.forEach((qname, q) -> ages.add(q.metricApproximateAgeOfOldestMessage(opts("Maximum", period, qname))));
        List<IWidget> ingestRow = new ArrayList<>(List.of(graph("Queue depth", depths), graph("Oldest message (s)", ages)));
        if (stream != null) {
            ingestRow.add(graph("Kinesis records in / iterator age (ms)", List.of(
                    stream.metricIncomingRecords(opts("Sum", period)),
                    stream.metricGetRecordsIteratorAgeMilliseconds(opts("Maximum", period)))));
        }
        ingestRow.add(graph("Ingest (EMF)", List.of(
                emf("EventsWritten"), emf("FeaturesApplied"), emf("PoisonRecords"), emf("RecordsFailed"))));
        rows.add(ingestRow);

        rows.add(List.of(
                graph("Valkey ECPUs", List.of(cache(cacheName, "ElastiCacheProcessingUnits", "Sum"))),
                graph("Valkey bytes used", List.of(cache(cacheName, "BytesUsedForCache", "Maximum"))),
                AlarmStatusWidget.Builder.create().title("Alarms").alarms(alarms).width(12).height(6).build()));

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(name)
                .widgets(rows)
                .build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(6).height(6).build();
    }

    private static MetricOptions opts(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    private static MetricOptions opts(String statistic, Duration period, String label) {
        return MetricOptions.builder().statistic(statistic).period(period).label(label).build();
    }

    private static Metric emf(String metricName) {
        return Metric.Builder.create().namespace(EMF_NAMESPACE).metricName(metricName)
                .dimensionsMap(Map.of("Function", "ingest")).statistic("Sum").period(Duration.minutes(1)).build();
    }

    private static Metric cache(String cacheName, String metricName, String statistic) {
        return Metric.Builder.create().namespace("AWS/ElastiCache").metricName(metricName)
                .dimensionsMap(Map.of("clusterId", cacheName)).statistic(statistic).period(Duration.minutes(1)).build();
    }

    public Dashboard dashboard() {
        return dashboard;
    }
}
