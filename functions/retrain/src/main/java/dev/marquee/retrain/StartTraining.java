package dev.marquee.retrain;

import dev.marquee.adapters.lake.LakeLayout;
import dev.marquee.adapters.s3.S3LakeFiles;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.TrainingJobs;
import dev.marquee.domain.retrain.TrainingJobSpec;
import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.runtime.metrics.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A schedule tick: start the embedding-refresh training job on the lake's events/ (and catalog/ and deletions/ when
 * they hold anything: SageMaker fails a job whose S3 channel is empty, and a stage may have imported no catalog file
 * or erased no user yet), its bundle to models/. The deletions channel is what lets the job drop erased users' events.
 * The job name and model version come from the tick's time, so a redelivered tick finds its job already there
 * (SageMaker's ResourceInUse) and succeeds without starting a second one.
 */
@ApplicationScoped
public class StartTraining {
    private static final Logger LOG = Logger.getLogger(StartTraining.class);
    static final String EVENTS_CHANNEL = "events";
    static final String CATALOG_CHANNEL = "catalog";
    static final String DELETIONS_CHANNEL = "deletions";

    private final TrainingJobs jobs;
    private final LakeFiles lakeFiles;
    private final RetrainConfig retrain;
    private final MarqueeConfig marquee;
    private final EmfMetrics metrics;

    @Inject
    public StartTraining(TrainingJobs jobs, S3Client s3, RetrainConfig retrain, MarqueeConfig marquee, EmfMetrics metrics) {
        this.jobs = jobs;
        this.lakeFiles = new S3LakeFiles(s3, marquee.aws().lakeBucket(), "");
        this.retrain = retrain;
        this.marquee = marquee;
        this.metrics = metrics;
    }

    public RetrainOutcome onTick(EventBridgeEvent tick) {
        Instant at = tickTime(tick);
        TrainingJobSpec spec = spec(at);
        TrainingJobs.Start started = jobs.start(spec);
        String version = spec.hyperParameters().get("model_version");
        if (started == TrainingJobs.Start.CREATED) {
            LOG.infof("Started training job %s (model version %s, %s, spot %s) for tick %s", spec.name(), version,
                    spec.instanceType(), spec.spot(), tick.id());
            metrics.emit("retrain", Map.of("TrainingJobsStarted", 1));
            return new RetrainOutcome(RetrainOutcome.START, spec.name(), version, "created", "tick " + tick.time());
        }
        LOG.infof("Training job %s already exists: tick %s was delivered before; nothing started", spec.name(), tick.id());
        return new RetrainOutcome(RetrainOutcome.START, spec.name(), version, "already-exists",
                "a job of this tick exists (a repeated delivery)");
    }

    /** The job for a tick at {@code at}, from the configuration. */
    TrainingJobSpec spec(Instant at) {
        String bucket = marquee.aws().lakeBucket();
        String lake = "s3://" + bucket + "/";
        String name = JobNames.trainingJob(retrain.jobPrefix(), at);
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put(EVENTS_CHANNEL, lake + LakeLayout.EVENTS_PREFIX);
        for (String optional : new String[]{CATALOG_CHANNEL, DELETIONS_CHANNEL}) {
            if (!lakeFiles.list(optional + "/").isEmpty()) {
                channels.put(optional, lake + optional + "/");
            }
        }
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("factors", Integer.toString(retrain.factors()));
        hp.put("iterations", Integer.toString(retrain.iterations()));
        hp.put("regularization", Double.toString(retrain.regularization()));
        hp.put("alpha", Double.toString(retrain.alpha()));
        hp.put("cg_steps", Integer.toString(retrain.cgSteps()));
        hp.put("seed", Long.toString(retrain.seed()));
        hp.put("candidates_per_user", Integer.toString(retrain.candidatesPerUser()));
        hp.put("similar_per_item", Integer.toString(retrain.similarPerItem()));
        hp.put("model_version", JobNames.modelVersion(at));
        Duration maxRuntime = retrain.maxRuntime();
        boolean spot = retrain.spot();
        String checkpoints = spot ? withSlash(retrain.checkpointUri().orElse(lake + "models/_checkpoints/")) + name + "/" : null;
        return new TrainingJobSpec(name,
                required(retrain.trainingImage().orElse(null), "marquee.retrain.training-image"),
                required(retrain.roleArn().orElse(null), "marquee.retrain.role-arn"),
                channels,
                withSlash(retrain.outputUri().orElse(lake + "models/_jobs/")),
                retrain.instanceType(), retrain.instanceCount(), retrain.volumeSizeGb(),
                maxRuntime, spot, spot ? retrain.maxWait().orElse(maxRuntime.multipliedBy(2)) : null, checkpoints,
                hp, Map.of("project", "marquee", "model_version", JobNames.modelVersion(at)));
    }

    private static Instant tickTime(EventBridgeEvent tick) {
        if (tick.time() == null) {
            throw new IllegalArgumentException("scheduled event without 'time': cannot name the job of this tick");
        }
        try {
            return Instant.parse(tick.time());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduled event 'time' is not an ISO-8601 instant: " + tick.time());
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set (env " + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                    + "): the CDK app sets it on the function");
        }
        return value;
    }

    private static String withSlash(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
