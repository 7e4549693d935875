package dev.marquee.infra.constructs;

import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SageMaker training job the retrain function starts (embedding refresh): its execution role and its image.
 * The role reads the lake's {@code events/}, {@code catalog/} and {@code deletions/} (the job's input channels) and its own checkpoints,
 * and writes only under {@code models/}; it pulls the image. The image is {@code -c trainingImage=<ECR URI>} when
 * given, else {@code functions/embedding-refresh/Dockerfile} built as an image asset (linux/amd64, what SageMaker's
 * GPU instances run). The job itself is not a CloudFormation resource: retrain calls CreateTrainingJob with what
 * {@link #environment()} hands it, and may act only on jobs named {@code marquee-<stage>-*} and pass only this role.
 */
public class TrainingJob extends Construct {
    /** Under {@code -c assets=placeholder} without an image: a URI that cannot run, so a dry run deploys nothing real. */
    public static final String PLACEHOLDER_IMAGE = "placeholder.invalid/marquee-embedding-refresh:placeholder";
    private static final Pattern ECR_URI = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+)(?:[:@].*)?$");

    /** The erasure records (api's DELETE /v1/users), a training input. */
    public static final String DELETIONS_PREFIX = "deletions/";
    /** Where spot jobs keep checkpoints (one folder per job): under models/, the only prefix the job writes. */
    public static final String CHECKPOINTS_PREFIX = Lake.MODELS_PREFIX + "_checkpoints/";
    /** Where SageMaker uploads each job's model.tar.gz (one folder per job). */
    public static final String JOB_OUTPUT_PREFIX = Lake.MODELS_PREFIX + "_jobs/";

    private final Role role;
    private final String imageUri;
    private DockerImageAsset image;
    private final String jobNamePrefix;
    private final Settings.Training training;
    private final IBucket lake;

    public TrainingJob(Construct scope, String id, Settings settings, RepoPaths paths, IBucket lake) {
        super(scope, id);
        this.training = settings.training();
        this.lake = lake;
        this.jobNamePrefix = settings.name("");
        role = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
                .description("Marquee " + settings.stage() + " embedding-refresh training job: read the lake, write models/")
                .build();
        // the input channels (deletions/: erased users' events must not train the next model) and, after a spot
        // interruption, its own checkpoints; writes: the bundle, the model archive and checkpoints, all under models/
        lake.grantRead(role, Lake.EVENTS_PREFIX + "*");
        lake.grantRead(role, Lake.CATALOG_PREFIX + "*");
        lake.grantRead(role, DELETIONS_PREFIX + "*");
        lake.grantRead(role, CHECKPOINTS_PREFIX + "*");
        lake.grantPut(role, Lake.MODELS_PREFIX + "*");
        String logGroup = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:/aws/sagemaker/TrainingJobs";
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("TrainingLogs")
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"))
                .resources(List.of(logGroup, logGroup + ":log-stream:*"))
                .build());
        // PutMetricData has no resource-level permissions: "*" narrowed by namespace (a documented exception)
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("TrainingMetrics")
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", "/aws/sagemaker/TrainingJobs")))
                .build());

        if (training.image() != null) {
            // an image pushed elsewhere (no Docker needed to deploy)
            imageUri = training.image();
            Matcher ecr = ECR_URI.matcher(imageUri);
            if (ecr.matches()) {
                String arn = "arn:" + Aws.PARTITION + ":ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + ecr.group(3);
                Repository.fromRepositoryAttributes(this, "ImageRepository", RepositoryAttributes.builder()
                        .repositoryArn(arn).repositoryName(ecr.group(3)).build()).grantPull(role);
            }
        } else if (Files.isRegularFile(paths.trainingDockerfile())) {
            // built by cdk deploy (needs Docker), pushed to the bootstrap's asset repository; .dockerignore keeps the
            // context (and the asset hash) to what the image copies
            image = DockerImageAsset.Builder.create(this, "Image")
                    .directory(paths.trainingDockerfile().getParent().toString())
                    .platform(Platform.LINUX_AMD64)
                    .build();
            image.getRepository().grantPull(role);
            imageUri = image.getImageUri();
        } else if (settings.placeholderAssets()) {
            imageUri = PLACEHOLDER_IMAGE;
        } else {
            throw new IllegalStateException("no training image: functions/embedding-refresh has no Dockerfile; set -c trainingImage="
                    + "<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag> (or synthesize with -c assets=placeholder for a dry run)");
        }
    }

    /**
     * Lets the retrain function start and describe this stage's jobs (tagging them on creation) and hand them this
     * role, to SageMaker only; nothing else.
     */
    public void grantStartAndDescribe(IGrantable retrain) {
        String jobs = "arn:" + Aws.PARTITION + ":sagemaker:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":training-job/" + jobNamePrefix + "*";
        retrain.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("TrainingJobs")
                // AddTags: CreateTrainingJob with Tags needs it on the new job
                .actions(List.of("sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:AddTags"))
                .resources(List.of(jobs))
                .build());
        retrain.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("PassTrainingRole")
                .effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(role.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com")))
                .build());
    }

    /**
     * What the retrain function needs to call CreateTrainingJob: its {@code marquee.retrain.*} keys as environment
     * variables (RetrainConfig in functions/retrain reads them).
     */
    public Map<String, String> environment() {
        String lakeUri = "s3://" + lake.getBucketName() + "/";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARQUEE_RETRAIN_ROLE_ARN", role.getRoleArn());
        env.put("MARQUEE_RETRAIN_TRAINING_IMAGE", imageUri);
        env.put("MARQUEE_RETRAIN_JOB_PREFIX", jobNamePrefix);
        env.put("MARQUEE_RETRAIN_INSTANCE_TYPE", training.instanceType());
        env.put("MARQUEE_RETRAIN_MAX_RUNTIME", Duration.ofHours(training.maxRuntimeHours()).toString());
        env.put("MARQUEE_RETRAIN_OUTPUT_URI", lakeUri + JOB_OUTPUT_PREFIX);
        env.put("MARQUEE_RETRAIN_SPOT", Boolean.toString(training.spot()));
        if (training.spot()) {
            // waiting for spot capacity may take as long again as the run itself
            env.put("MARQUEE_RETRAIN_MAX_WAIT", Duration.ofHours(2L * training.maxRuntimeHours()).toString());
            env.put("MARQUEE_RETRAIN_CHECKPOINT_URI", lakeUri + CHECKPOINTS_PREFIX);
        }
        return env;
    }

    /** The image asset built from the Dockerfile, or null when the image comes from context (or a placeholder). */
    public DockerImageAsset imageAsset() {
        return image;
    }

    public Role role() {
        return role;
    }

    public String imageUri() {
        return imageUri;
    }

    /** Training jobs of this stage are named with this prefix: {@code marquee-dev-}. */
    public String jobNamePrefix() {
        return jobNamePrefix;
    }
}
