package dev.marquee.domain.port;

import dev.marquee.domain.retrain.TrainingJobSpec;

import java.util.Map;

/**
 * The managed service that runs the embedding-refresh job (SageMaker in AWS). Job names are unique per account and
 * region, which is what makes a repeated schedule tick harmless: the second start finds the first one's job.
 *
 * <p>Any other failure (unreachable, throttled, access denied, a malformed request) is a
 * {@link StoreUnavailableException}: nothing was started, the caller lets its trigger retry.
 */
public interface TrainingJobs {

    enum Start { CREATED, ALREADY_EXISTS }

    /** Creates the job, or reports that a job of that name already exists (started by an earlier delivery). */
    Start start(TrainingJobSpec spec);

    /** The hyperparameters the named job was started with (empty when the job does not exist). */
    Map<String, String> hyperParameters(String jobName);
}
