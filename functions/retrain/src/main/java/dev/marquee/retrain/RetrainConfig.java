package dev.marquee.retrain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The retrain function's settings, {@code marquee.retrain.*}; each binds from the environment too
 * (marquee.retrain.role-arn = MARQUEE_RETRAIN_ROLE_ARN). The CDK app (RetrainOrchestration) sets them on the function.
 * The lake bucket and tables are the shared {@code marquee.aws.*} keys.
 */
@ConfigMapping(prefix = "marquee.retrain")
public interface RetrainConfig {

    /** The SageMaker execution role the job runs as (the function may pass only this one). */
    Optional<String> roleArn();

    /** The embedding-refresh container image (ECR URI). */
    Optional<String> trainingImage();

    /** Job names start with it; the function's IAM policy allows only jobs named so ({@code marquee-dev-}). */
    @WithDefault("marquee-")
    String jobPrefix();

    /** A GPU instance by default. */
    @WithDefault("ml.g5.xlarge")
    String instanceType();

    @WithDefault("1")
    int instanceCount();

    @WithDefault("50")
    int volumeSizeGb();

    @WithDefault("PT4H")
    Duration maxRuntime();

    /** Managed spot capacity (cheaper, may be interrupted: then the job resumes from its checkpoints). */
    @WithDefault("false")
    boolean spot();

    /** With spot: how long waiting for capacity plus running may take; default twice max-runtime. */
    Optional<Duration> maxWait();

    /** With spot: where checkpoints go, the job name appended; default {@code s3://<lake>/models/_checkpoints/}. */
    Optional<String> checkpointUri();

    /** Where SageMaker uploads the job's model.tar.gz, the job name appended; default {@code s3://<lake>/models/_jobs/}. */
    Optional<String> outputUri();

    /** Talks to this SageMaker API instead of the region's (a VPC endpoint, a local stub in tests). */
    Optional<URI> sagemakerEndpoint();

    // ---- hyperparameters of the embedding-refresh job (handed to the container as strings)

    @WithDefault("64")
    int factors();

    @WithDefault("15")
    int iterations();

    @WithDefault("20")
    double regularization();

    @WithDefault("10")
    double alpha();

    /** Conjugate-gradient steps per ALS half-iteration. */
    @WithDefault("3")
    int cgSteps();

    @WithDefault("42")
    long seed();

    @WithDefault("500")
    int candidatesPerUser();

    @WithDefault("50")
    int similarPerItem();

    // ---- the publish gate

    /** How far the bundle's ndcg@10 may fall below the active version's: absolute, or a fraction with gate-relative. */
    @WithDefault("0.02")
    double gateMargin();

    @WithDefault("false")
    boolean gateRelative();

    /** Lists per DynamoDB write batch while loading a bundle. */
    @WithDefault("1000")
    int publishChunk();
}
