package dev.marquee.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.TrainingJobs;
import dev.marquee.domain.publish.BundleDescription;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishResult;
import dev.marquee.runtime.metrics.EmfMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * A training job of ours changed state. Completed: publish its bundle ({@code models/<model_version>/}) with the
 * same gate, checksums, load and single switch as {@code ./marquee publish}. A repeated event for a version that is
 * already active (or was, before a later switch) changes nothing. Failed or Stopped: logged and counted
 * (TrainingJobsFailed / TrainingJobsStopped, which an alarm watches), nothing published.
 *
 * <p>Store failures propagate, so EventBridge retries the event; a refusal (gate, bad bundle) does not, as a retry
 * would be refused the same way.
 */
@ApplicationScoped
public class PublishCompletedJob {
    private static final Logger LOG = Logger.getLogger(PublishCompletedJob.class);

    private final BundlePublisher publisher;
    private final ModelRegistry registry;
    private final Publishing.Bundles bundles;
    private final TrainingJobs jobs;
    private final EmfMetrics metrics;

    @Inject
    public PublishCompletedJob(Publishing publishing, TrainingJobs jobs, EmfMetrics metrics) {
        this.publisher = publishing.publisher();
        this.registry = publishing.registry();
        this.bundles = publishing.bundles();
        this.jobs = jobs;
        this.metrics = metrics;
    }

    public RetrainOutcome onStateChange(EventBridgeEvent event) {
        JsonNode detail = event.detail();
        String job = text(detail, "TrainingJobName");
        String status = text(detail, "TrainingJobStatus");
        if (job == null || status == null) {
            throw new IllegalArgumentException("SageMaker state change without detail.TrainingJobName or detail.TrainingJobStatus");
        }
        switch (status) {
            case "Completed" -> {
                return publish(job, detail);
            }
            case "Failed" -> {
                String reason = Optional.ofNullable(text(detail, "FailureReason")).orElse("no FailureReason given");
                LOG.errorf("Training job %s failed: %s; nothing published, the active version stays", job, reason);
                metrics.emit("retrain", Map.of("TrainingJobsFailed", 1));
                return new RetrainOutcome(RetrainOutcome.PUBLISH, job, null, "job-failed", reason);
            }
            case "Stopped" -> {
                LOG.warnf("Training job %s was stopped (%s); nothing published", job, text(detail, "SecondaryStatus"));
                metrics.emit("retrain", Map.of("TrainingJobsStopped", 1));
                return new RetrainOutcome(RetrainOutcome.PUBLISH, job, null, "job-stopped", "stopped before completing");
            }
            default -> {
                return new RetrainOutcome(RetrainOutcome.PUBLISH, job, null, "ignored", "status " + status + " needs nothing");
            }
        }
    }

    private RetrainOutcome publish(String job, JsonNode detail) {
        String version = text(detail.path("HyperParameters"), "model_version");
        if (version == null) {
            // the state-change event carries the job's hyperparameters; ask SageMaker if this one did not
            version = jobs.hyperParameters(job).get("model_version");
        }
        if (version == null) {
            return refused(job, null, "job " + job + " has no model_version hyperparameter: not started by retrain?");
        }
        if (alreadyPublished(version)) {
            LOG.infof("Model version %s of job %s is already published: a repeated event, nothing to do", version, job);
            return new RetrainOutcome(RetrainOutcome.PUBLISH, job, version, "already-published", "repeated state change");
        }
        BundleDescription bundle;
        try {
            bundle = bundles.read(version, detail.path("ModelArtifacts").path("S3ModelArtifacts").asText(null));
        } catch (BundleManifest.InvalidBundleException e) {
            return refused(job, version, e.getMessage());
        }
        PublishResult result = publisher.publish(bundle);
        String description = PublishMain.describe(result, false);
        switch (result.outcome()) {
            case PUBLISHED -> {
                LOG.infof("Job %s: %s", job, description);
                metrics.emit("retrain", Map.of("Published", 1, "ListsLoaded", result.totalLists()));
                return new RetrainOutcome(RetrainOutcome.PUBLISH, job, version, "published", result.reason());
            }
            case CONFLICT -> {
                if (alreadyPublished(version)) {
                    // a concurrent delivery of this same event won the switch
                    return new RetrainOutcome(RetrainOutcome.PUBLISH, job, version, "already-published", "a concurrent delivery published it");
                }
                LOG.warnf("Job %s: %s", job, description);
                metrics.emit("retrain", Map.of("PublishConflicts", 1));
                return new RetrainOutcome(RetrainOutcome.PUBLISH, job, version, "conflict", result.reason());
            }
            default -> {
                return refused(job, version, result.reason());
            }
        }
    }

    private boolean alreadyPublished(String version) {
        return registry.active().map(ModelVersion::version).filter(version::equals).isPresent()
                || registry.previous().map(ModelVersion::version).filter(version::equals).isPresent();
    }

    private RetrainOutcome refused(String job, String version, String reason) {
        LOG.warnf("Job %s: not published (%s); the active version stays", job, reason);
        metrics.emit("retrain", Map.of("PublishRefused", 1));
        return new RetrainOutcome(RetrainOutcome.PUBLISH, job, version, "refused", reason);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
