package dev.marquee.infra.config;

import software.constructs.Node;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything the app reads from CDK context, with the production defaults. README.md of this module lists the keys.
 */
public record Settings(
        String stage,
        Packaging packaging,
        boolean placeholderAssets,
        boolean arm64,
        FunctionSettings api,
        FunctionSettings ingest,
        FunctionSettings retrain,
        AuthorizerType authorizer,
        String jwtIssuer,
        List<String> jwtAudience,
        List<String> corsOrigins,
        int throttleRatePerSecond,
        int throttleBurst,
        LakeEncryption lakeEncryption,
        boolean kinesis,
        int streamRetentionHours,
        boolean retainData,
        int logRetentionDays,
        int redisMaxStorageGb,
        int redisMaxEcpuPerSecond,
        Ingest ingestTuning,
        Training training,
        Alarms alarms) {

    private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9-]{0,15}");

    /** Event source mappings of the ingest function. */
    public record Ingest(int sqsBatchSize, int sqsBatchWindowSeconds, int sqsMaxConcurrency, int maxReceiveCount,
                         int kinesisBatchSize, int kinesisBatchWindowSeconds, int kinesisRetryAttempts,
                         int kinesisParallelization, int kinesisMaxRecordAgeHours) {
    }

    /**
     * The SageMaker training job the retrain function starts.
     *
     * @param image null: build functions/embedding-refresh/Dockerfile as an image asset (required when no Dockerfile)
     */
    public record Training(String image, String instanceType, int maxRuntimeHours, boolean spot, String schedule) {
    }

    /** Thresholds and where alarms go. */
    public record Alarms(String email, int apiP99LatencyMs, int api5xxPerFiveMinutes, int iteratorAgeSeconds) {
    }

    public static Settings from(Node node) {
        ContextReader ctx = new ContextReader(node);
        String stage = ctx.string("stage", "dev");
        if (!STAGE.matcher(stage).matches()) {
            throw new IllegalArgumentException("context stage must match " + STAGE + " (it goes into resource names), got '" + stage + "'");
        }
        String assets = ctx.string("assets", "build");
        if (!assets.equals("build") && !assets.equals("placeholder")) {
            throw new IllegalArgumentException("context assets must be build or placeholder, got '" + assets + "'");
        }
        String arch = ctx.string("architecture", "x86_64");
        if (!arch.equals("x86_64") && !arch.equals("arm64")) {
            throw new IllegalArgumentException("context architecture must be x86_64 or arm64, got '" + arch + "'");
        }
        AuthorizerType authorizer = ctx.choice("authorizer", AuthorizerType.IAM, AuthorizerType.class);
        String issuer = ctx.optional("jwtIssuer");
        List<String> audience = ctx.list("jwtAudience");
        if (authorizer == AuthorizerType.JWT && (issuer == null || audience.isEmpty())) {
            throw new IllegalArgumentException("authorizer=jwt needs -c jwtIssuer=https://... and -c jwtAudience=aud1[,aud2]");
        }
        Settings s = new Settings(
                stage,
                ctx.choice("packaging", Packaging.NATIVE, Packaging.class),
                assets.equals("placeholder"),
                arch.equals("arm64"),
                FunctionSettings.read(ctx, "api", 1024, 10),
                FunctionSettings.read(ctx, "ingest", 1024, 60),
                FunctionSettings.read(ctx, "retrain", 1024, 600),
                authorizer, issuer, audience,
                ctx.list("corsOrigins"),
                ctx.integer("throttleRate", 200),
                ctx.integer("throttleBurst", 400),
                ctx.choice("lakeEncryption", LakeEncryption.S3, LakeEncryption.class),
                ctx.bool("kinesis", true),
                ctx.integer("streamRetentionHours", 168),
                ctx.bool("retainData", true),
                ctx.integer("logRetentionDays", 30),
                ctx.integer("redisMaxStorageGb", 1),
                ctx.integer("redisMaxEcpuPerSecond", 5000),
                new Ingest(
                        ctx.integer("sqsBatchSize", 100),
                        ctx.integer("sqsBatchWindowSeconds", 2),
                        ctx.integer("sqsMaxConcurrency", 10),
                        ctx.integer("maxReceiveCount", 5),
                        ctx.integer("kinesisBatchSize", 500),
                        ctx.integer("kinesisBatchWindowSeconds", 2),
                        ctx.integer("kinesisRetryAttempts", 5),
                        ctx.integer("kinesisParallelization", 1),
                        ctx.integer("kinesisMaxRecordAgeHours", 24)),
                new Training(
                        ctx.optional("trainingImage"),
                        ctx.string("trainingInstanceType", "ml.g5.xlarge"),
                        ctx.integer("trainingMaxRuntimeHours", 4),
                        ctx.bool("trainingSpot", true),
                        ctx.string("retrainSchedule", "cron(0 3 * * ? *)")),
                new Alarms(
                        ctx.optional("alarmEmail"),
                        ctx.integer("apiP99LatencyMs", 1000),
                        ctx.integer("api5xxPerFiveMinutes", 5),
                        ctx.integer("iteratorAgeSeconds", 300)));
        s.validate();
        return s;
    }

    private void validate() {
        if (packaging == Packaging.JVM) {
            for (FunctionSettings f : List.of(api, ingest, retrain)) {
                if (f.provisionedConcurrency() > 0) {
                    // Lambda rejects provisioned concurrency on a SnapStart version
                    throw new IllegalArgumentException("packaging=jvm uses SnapStart, which Lambda does not combine with provisioned concurrency: drop "
                            + f.name() + ".provisionedConcurrency or use packaging=native/jvm-aot");
                }
            }
        }
        if (sqsBatchSizeInvalid()) {
            throw new IllegalArgumentException("sqsBatchSize must be 1..10000 (over 10 needs sqsBatchWindowSeconds >= 1)");
        }
        if (training.maxRuntimeHours() < 1 || training.maxRuntimeHours() > 120) {
            throw new IllegalArgumentException("trainingMaxRuntimeHours must be 1..120");
        }
        if (kinesisMaxRecordAgeHoursInvalid()) {
            throw new IllegalArgumentException("kinesisMaxRecordAgeHours must be 1..168 and at most streamRetentionHours");
        }
        if (streamRetentionHours < 24 || streamRetentionHours > 8760) {
            throw new IllegalArgumentException("streamRetentionHours must be 24..8760");
        }
    }

    private boolean sqsBatchSizeInvalid() {
        int b = ingestTuning.sqsBatchSize();
        return b < 1 || b > 10000 || (b > 10 && ingestTuning.sqsBatchWindowSeconds() < 1);
    }

    private boolean kinesisMaxRecordAgeHoursInvalid() {
        int h = ingestTuning.kinesisMaxRecordAgeHours();
        return h < 1 || h > 168 || h > streamRetentionHours;
    }

    /** A name for a resource of this stage: {@code marquee-dev-api}. */
    public String name(String suffix) {
        return "marquee-" + stage + "-" + suffix;
    }
}
