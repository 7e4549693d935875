package dev.marquee.infra;

import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import dev.marquee.infra.constructs.Alarms;
import dev.marquee.infra.constructs.Cache;
import dev.marquee.infra.constructs.EventQueues;
import dev.marquee.infra.constructs.EventStream;
import dev.marquee.infra.constructs.HttpApiGateway;
import dev.marquee.infra.constructs.IngestTriggers;
import dev.marquee.infra.constructs.Lake;
import dev.marquee.infra.constructs.MarqueeFunction;
import dev.marquee.infra.constructs.Network;
import dev.marquee.infra.constructs.OpsDashboard;
import dev.marquee.infra.constructs.RetrainOrchestration;
import dev.marquee.infra.constructs.Tables;
import dev.marquee.infra.constructs.TrainingJob;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AWS resource of one Marquee stage. Names carry the stage ({@code marquee-dev-...}); account and region are
 * the deploying credentials' (the stack is environment-agnostic).
 */
public class MarqueeStack extends Stack {
    private final Settings settings;
    private final Network network;
    private final Lake lake;
    private final Tables tables;
    private final EventQueues queues;
    private final EventStream stream;
    private final Cache cache;
    private final MarqueeFunction api;
    private final Secret trackingSecret;
    private final MarqueeFunction ingest;
    private final MarqueeFunction retrain;
    private final HttpApiGateway httpApi;
    private final RetrainOrchestration retraining;
    private final Alarms alarms;

    public MarqueeStack(Construct scope, String id, StackProps props, Settings settings, RepoPaths paths) {
        super(scope, id, props);
        this.settings = settings;
        Tags.of(this).add("project", "marquee");
        Tags.of(this).add("stage", settings.stage());

        network = new Network(this, "Network", settings.kinesis());
        lake = new Lake(this, "Lake", settings.stage(), settings.lakeEncryption());
        tables = new Tables(this, "Tables", settings.name(""), settings.retainData());
        queues = new EventQueues(this, "Queues", settings.name(""), settings.ingest().timeoutSeconds(),
                settings.ingestTuning().maxReceiveCount(), settings.kinesis());
        stream = settings.kinesis() ? new EventStream(this, "EventStream", settings.name("events"), settings.streamRetentionHours()) : null;
        cache = new Cache(this, "Cache", network, settings.name("cache"), settings.redisMaxStorageGb(), settings.redisMaxEcpuPerSecond());
        retraining = new RetrainOrchestration(this, "Retraining", settings, paths, lake.bucket());

        Map<String, String> common = new LinkedHashMap<>();
        common.put("MARQUEE_AWS_LAKE_BUCKET", lake.bucket().getBucketName());
        common.put("MARQUEE_AWS_TABLES_ITEMS", tables.items().getTableName());
        common.put("MARQUEE_AWS_TABLES_USERS", tables.users().getTableName());
        common.put("MARQUEE_AWS_TABLES_CANDIDATES", tables.candidates().getTableName());
        common.put("MARQUEE_AWS_TABLES_MODELS", tables.models().getTableName());

        Map<String, String> apiEnv = new LinkedHashMap<>(common);
        apiEnv.put("MARQUEE_AWS_EVENTS_QUEUE_URL", queues.events().getQueueUrl());
        if (stream != null) {
            apiEnv.put("MARQUEE_AWS_EVENTS_STREAM", stream.stream().getStreamName());
        }
        apiEnv.put("QUARKUS_REDIS_HOSTS", cache.redisHosts());
        // tracking tokens are signed with one secret shared by every api instance; generated once, never in the template
        trackingSecret = Secret.Builder.create(this, "TrackingSecret")
                .secretName(settings.name("tracking-secret"))
                .description("HMAC key of Marquee's recommendation tracking tokens (marquee.serving.tracking.secret)")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true).build())
                .build();
        apiEnv.put("MARQUEE_SERVING_TRACKING_SECRET", trackingSecret.getSecretValue().unsafeUnwrap());
        api = new MarqueeFunction(this, "Api", settings, settings.api(), paths,
                "Marquee recommendations and events API (HTTP API)", apiEnv, network);

        Map<String, String> ingestEnv = new LinkedHashMap<>(common);
        ingestEnv.put("MARQUEE_AWS_DEAD_LETTER_QUEUE_URL", queues.poison().getQueueUrl());
        ingestEnv.put("QUARKUS_REDIS_HOSTS", cache.redisHosts());
        ingest = new MarqueeFunction(this, "Ingest", settings, settings.ingest(), paths,
                "Marquee ingest: event batches from SQS and Kinesis to the lake and Redis features", ingestEnv, network);

        Map<String, String> retrainEnv = new LinkedHashMap<>(common);
        retrainEnv.putAll(retraining.environment());
        // no Redis, so outside the VPC: SageMaker, S3 and DynamoDB are public AWS endpoints
        retrain = new MarqueeFunction(this, "Retrain", settings, settings.retrain(), paths,
                "Marquee retrain: starts the embedding-refresh job, gates and publishes its bundle", retrainEnv, null);

        grant();

        httpApi = new HttpApiGateway(this, "HttpApi", settings, api.alias());
        new IngestTriggers(this, "IngestTriggers", settings.ingestTuning(), ingest.alias(), queues.events(),
                stream == null ? null : stream.stream(), queues.streamFailures());
        retraining.connect(retrain.function(), retrain.alias(), tables.candidates(), tables.models());

        Map<String, Function> functions = functions();
        Map<String, IQueue> deadLetters = new LinkedHashMap<>();
        deadLetters.put("events-dlq", queues.eventsDlq());
        deadLetters.put("poison", queues.poison());
        if (queues.streamFailures() != null) {
            deadLetters.put("stream-failures", queues.streamFailures());
        }
        alarms = new Alarms(this, "Alarms", settings, httpApi.api(), functions, queues.events(), deadLetters,
                stream == null ? null : stream.stream(), retraining.training().jobNamePrefix());
        List<Alarm> allAlarms = new ArrayList<>(alarms.alarms());
        allAlarms.add(retraining.alarmTo(alarms.topic()));
        Map<String, IQueue> allQueues = new LinkedHashMap<>();
        allQueues.put("events", queues.events());
        allQueues.putAll(deadLetters);
        new OpsDashboard(this, "Dashboard", settings.name("ops"), httpApi.api(), functions, allQueues,
                stream == null ? null : stream.stream(), settings.name("cache"), allAlarms);

        output("ApiUrl", httpApi.api().getApiEndpoint());
        output("LakeBucket", lake.bucket().getBucketName());
        output("EventsQueueUrl", queues.events().getQueueUrl());
        output("PoisonQueueUrl", queues.poison().getQueueUrl());
        if (stream != null) {
            output("EventStreamName", stream.stream().getStreamName());
        }
        output("RedisHosts", cache.redisHosts());
        output("AlarmTopicArn", alarms.topic().getTopicArn());
        output("TrainingRoleArn", retraining.training().role().getRoleArn());
    }

    /** Least privilege: each function gets what its code calls, nothing more. */
    private void grant() {
        Function apiFn = api.function();
        tables.items().grantReadWriteData(apiFn);
        tables.users().grantReadWriteData(apiFn);
        tables.candidates().grantReadData(apiFn);
        tables.models().grantReadData(apiFn);
        // the ranker and embeddings of the active bundle (models/<version>/...)
        lake.bucket().grantRead(apiFn, Lake.MODELS_PREFIX + "*");
        // catalog bulk import reads catalog/; DELETE /v1/users records the erasure under deletions/
        lake.bucket().grantRead(apiFn, "catalog/*");
        lake.bucket().grantPut(apiFn, "deletions/*");
        // POST /v1/events: send only; never receive or delete
        queues.events().grantSendMessages(apiFn);
        if (stream != null) {
            stream.stream().grantWrite(apiFn);
        }

        Function ingestFn = ingest.function();
        // receiving from the queue and reading the stream come with the event source mappings
        lake.bucket().grantPut(ingestFn, Lake.EVENTS_PREFIX + "*");
        queues.poison().grantSendMessages(ingestFn);
        // retrain's grants come with RetrainOrchestration.connect
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }

    public Map<String, Function> functions() {
        Map<String, Function> m = new LinkedHashMap<>();
        m.put("api", api.function());
        m.put("ingest", ingest.function());
        m.put("retrain", retrain.function());
        return m;
    }

    public Settings settings() {
        return settings;
    }

    /** Null when {@code -c kinesis=false}. */
    public Stream eventStream() {
        return stream == null ? null : stream.stream();
    }

    public TrainingJob training() {
        return retraining.training();
    }

    public RetrainOrchestration retraining() {
        return retraining;
    }
}
