package dev.marquee.infra.constructs;

import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
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
 * The SageMaker training job the retrain function starts (embedding refresh): its execution role, which reads the
 * lake and writes under {@code models/} only, and its image: {@code functions/embedding-refresh/Dockerfile} built as
 * an image asset when it exists, else the URI in {@code -c trainingImage=...}. The job itself is not a CloudFormation
 * resource: retrain calls CreateTrainingJob with the settings this construct hands it as environment variables, and
 * may act only on jobs named {@code marquee-<stage>-*} and pass only this role.
 */
public class TrainingJob extends Construct {
    /** Under {@code -c assets=placeholder} without an image: a URI that cannot run, so a dry run deploys nothing real. */
    public static final String PLACEHOLDER_IMAGE = "placeholder.invalid/marquee-embedding-refresh:placeholder";
    private static final Pattern ECR_URI = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+)(?:[:@].*)?$");

    private final Role role;
    private final String imageUri;
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
        // read the whole lake (events, catalog, earlier models); write only the new bundle under models/
        lake.grantRead(role);
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

        if (Files.isRegularFile(paths.trainingDockerfile())) {
            DockerImageAsset asset = DockerImageAsset.Builder.create(this, "Image")
                    .directory(paths.trainingDockerfile().getParent().toString())
                    .build();
            asset.getRepository().grantPull(role);
            imageUri = asset.getImageUri();
        } else if (training.image() != null) {
            imageUri = training.image();
            Matcher ecr = ECR_URI.matcher(imageUri);
            if (ecr.matches()) {
                String arn = "arn:" + Aws.PARTITION + ":ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + ecr.group(3);
                Repository.fromRepositoryAttributes(this, "ImageRepository", RepositoryAttributes.builder()
                        .repositoryArn(arn).repositoryName(ecr.group(3)).build()).grantPull(role);
            }
        } else if (settings.placeholderAssets()) {
            imageUri = PLACEHOLDER_IMAGE;
        } else {
            throw new IllegalStateException("no training image: functions/embedding-refresh has no Dockerfile; set -c trainingImage="
                    + "<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag> (or synthesize with -c assets=placeholder for a dry run)");
        }
    }

    /** Lets the retrain function start, watch and stop this stage's jobs, and hand them this role (nothing else). */
    public void grantStartAndWatch(IGrantable retrain) {
        String jobs = "arn:" + Aws.PARTITION + ":sagemaker:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":training-job/" + jobNamePrefix + "*";
        retrain.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("TrainingJobs")
                .actions(List.of("sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob",
                        "sagemaker:AddTags"))
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

    /** What the retrain function needs to call CreateTrainingJob (MARQUEE_TRAINING_*). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARQUEE_TRAINING_ROLE_ARN", role.getRoleArn());
        env.put("MARQUEE_TRAINING_IMAGE", imageUri);
        env.put("MARQUEE_TRAINING_INSTANCE_TYPE", training.instanceType());
        env.put("MARQUEE_TRAINING_MAX_RUNTIME", Duration.ofHours(training.maxRuntimeHours()).toString());
        env.put("MARQUEE_TRAINING_SPOT", Boolean.toString(training.spot()));
        env.put("MARQUEE_TRAINING_JOB_PREFIX", jobNamePrefix);
        env.put("MARQUEE_TRAINING_OUTPUT", "s3://" + lake.getBucketName() + "/" + Lake.MODELS_PREFIX);
        return env;
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
