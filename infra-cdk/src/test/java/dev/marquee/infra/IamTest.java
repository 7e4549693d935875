package dev.marquee.infra;

import dev.marquee.infra.Synth.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege, read off every IAM statement in the template: no wildcard action, no {@code *} resource except the
 * documented exceptions below, and per principal exactly the access its code needs.
 */
class IamTest {
    /**
     * Actions AWS authorizes only on {@code "Resource": "*"} (no resource-level permissions), and why they are here.
     * Anything else on {@code *} fails.
     */
    static final Map<String, String> STAR_RESOURCE_EXCEPTIONS = Map.of(
            "xray:PutTraceSegments", "active tracing of every function (X-Ray has no resource-level permissions)",
            "xray:PutTelemetryRecords", "active tracing of every function",
            "cloudwatch:PutMetricData", "SageMaker training metrics; only with a cloudwatch:namespace condition",
            "ecr:GetAuthorizationToken", "pulling the training image: the registry token is account-wide",
            "ec2:CreateNetworkInterface", "VPC functions (AWSLambdaVPCAccessExecutionRole, a managed policy)",
            "ec2:DescribeNetworkInterfaces", "VPC functions (managed policy)",
            "ec2:DeleteNetworkInterface", "VPC functions (managed policy)",
            "ec2:AssignPrivateIpAddresses", "VPC functions (managed policy)",
            "ec2:UnassignPrivateIpAddresses", "VPC functions (managed policy)");

    /** The only managed policies a role may carry: Lambda's logging and VPC-networking service-role policies. */
    static final Set<String> MANAGED_POLICIES = Set.of(
            "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");

    static Synth synth;
    static List<Statement> all;
    static String bucket;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        all = synth.statements();
        bucket = synth.resources("AWS::S3::Bucket").keySet().iterator().next();
    }

    static String roleOf(String function) {
        return roleOf(synth, "marquee-dev-" + function);
    }

    /** The logical id of the execution role of the function with that name. */
    static String roleOf(Synth synth, String functionName) {
        Map<String, Object> fn = synth.where("AWS::Lambda::Function", "FunctionName", functionName);
        String role = Synth.render(fn.get("Role"));
        return role.substring(2, role.indexOf(".Arn}"));
    }

    static String sageMakerRole() {
        return synth.resources("AWS::IAM::Role").entrySet().stream()
                .filter(e -> Synth.render(Synth.props(e.getValue()).get("AssumeRolePolicyDocument")).contains("sagemaker.amazonaws.com"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    static List<Statement> of(String roleId, Predicate<String> action) {
        return synth.statementsOf(roleId).stream().filter(s -> s.actions().stream().anyMatch(action)).toList();
    }

    static String queue(String name) {
        return "${" + synth.idWhere("AWS::SQS::Queue", "QueueName", name) + ".Arn}";
    }

    static String table(String name) {
        return "${" + synth.idWhere("AWS::DynamoDB::GlobalTable", "TableName", name) + ".Arn}";
    }

    @Test
    void theWalkSeesEveryPolicy() {
        // policies of the three functions and the training role; the inline policy of the CDK's custom resource that
        // strips the VPC's default security group
        assertThat(synth.resources("AWS::IAM::Policy")).hasSize(4);
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all.stream().map(Statement::roles).distinct()).hasSize(5);
        assertThat(all.stream().filter(s -> s.policy().contains("VpcRestrictDefaultSG"))).singleElement()
                .satisfies(s -> assertThat(s.renderedResources()).endsWith(":security-group/${" 
                        + synth.resources("AWS::EC2::VPC").keySet().iterator().next() + ".DefaultSecurityGroup}"));
    }

    @Test
    void noStatementAllowsAnActionWildcard() {
        assertNoActionWildcard(all);
    }

    static void assertNoActionWildcard(List<Statement> all) {
        assertThat(all).allSatisfy(s -> {
            assertThat(s.effect()).as(s.policy()).isEqualTo("Allow");
            assertThat(s.actions()).as(s.policy()).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
        });
    }

    @Test
    void starResourceOnlyForActionsWithoutResourceLevelPermissions() {
        assertStarOnlyForExceptions(all);
    }

    static void assertStarOnlyForExceptions(List<Statement> all) {
        List<Statement> star = all.stream().filter(s -> s.resources().contains("*")).toList();
        assertThat(star).isNotEmpty().allSatisfy(s -> {
            assertThat(s.resources()).as(s.policy()).containsExactly("*");
            assertThat(STAR_RESOURCE_EXCEPTIONS).as(s.policy() + " " + s.actions()).containsKeys(s.actions().toArray(String[]::new));
            if (s.hasAction("cloudwatch:PutMetricData")) {
                assertThat(s.condition()).isEqualTo(Map.of("StringEquals", Map.of("cloudwatch:namespace", "/aws/sagemaker/TrainingJobs")));
            }
        });
        // and no resource is a bare service-wide pattern either
        assertThat(all).allSatisfy(s -> assertThat(s.resources()).as(s.policy())
                .noneMatch(r -> Synth.render(r).matches("arn:[^:]*:[a-z0-9-]+:[^:]*:[^:]*:\\*")));
    }

    @Test
    void rolesCarryOnlyLambdasOwnServiceRolePolicies() {
        synth.resources("AWS::IAM::Role").forEach((id, r) ->
                assertThat(Synth.list(Synth.props(r).get("ManagedPolicyArns"))).as(id)
                        .allSatisfy(arn -> assertThat(MANAGED_POLICIES).contains(Synth.render(arn))));
        assertThat(Synth.list(Synth.props(synth.resource(roleOf("api"))).get("ManagedPolicyArns"))).hasSize(2);
        assertThat(Synth.list(Synth.props(synth.resource(roleOf("retrain"))).get("ManagedPolicyArns")))
                .extracting(Synth::render).containsExactly("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    }

    @Test
    void sageMakerRoleReadsTheLakeAndWritesOnlyUnderModels() {
        String role = sageMakerRole();
        List<Statement> writes = of(role, a -> a.startsWith("s3:Put") || a.startsWith("s3:Abort") || a.startsWith("s3:Delete")
                || a.startsWith("s3:Replicate") || a.startsWith("s3:Restore"));
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).renderedResources()).isEqualTo("${" + bucket + ".Arn}/models/*");
        assertThat(writes.get(0).actions()).contains("s3:PutObject").noneMatch(a -> a.startsWith("s3:Delete"));
        // its input channels and its own checkpoints; not models/ at large
        List<Statement> reads = of(role, a -> a.equals("s3:GetObject*"));
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).renderedResources()).isEqualTo("[${" + bucket + ".Arn},${" + bucket + ".Arn}/catalog/*,${"
                + bucket + ".Arn}/deletions/*,${" + bucket + ".Arn}/events/*,${" + bucket + ".Arn}/models/_checkpoints/*]");
        // nothing but S3, its logs, its metrics and pulling its image
        assertThat(synth.statementsOf(role).stream().flatMap(s -> s.actions().stream()).map(a -> a.substring(0, a.indexOf(':'))).distinct())
                .containsExactlyInAnyOrder("s3", "logs", "cloudwatch", "ecr");
        assertThat(of(role, a -> a.startsWith("logs:"))).singleElement()
                .satisfies(s -> assertThat(s.renderedResources()).contains(":log-group:/aws/sagemaker/TrainingJobs"));
        // the image asset's repository (the CDK bootstrap's), nothing else
        assertThat(of(role, a -> a.equals("ecr:BatchGetImage"))).singleElement()
                .satisfies(s -> assertThat(s.renderedResources()).isEqualTo("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/"
                        + "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}"));
    }

    @Test
    void apiMaySendToTheEventsQueueButNeverReceiveFromAnyQueue() {
        String role = roleOf("api");
        List<Statement> sends = of(role, a -> a.equals("sqs:SendMessage"));
        assertThat(sends).singleElement().satisfies(s -> assertThat(s.resources()).extracting(Synth::render)
                .containsExactly(queue("marquee-dev-events")));
        assertThat(synth.statementsOf(role).stream().flatMap(s -> s.actions().stream()).filter(a -> a.startsWith("sqs:")))
                .containsOnly("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
        assertThat(of(role, a -> a.startsWith("kinesis:"))).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactlyInAnyOrder("kinesis:PutRecord", "kinesis:PutRecords", "kinesis:ListShards");
            assertThat(s.renderedResources()).isEqualTo("${" + synth.idWhere("AWS::Kinesis::Stream", "Name", "marquee-dev-events") + ".Arn}");
        });
    }

    @Test
    void apiWritesItemsUsersAndDeletionRecordsAndOnlyReadsTheRest() {
        String role = roleOf("api");
        assertThat(of(role, a -> a.equals("dynamodb:PutItem"))).flatExtracting(Statement::resources).extracting(Synth::render)
                .containsExactlyInAnyOrder(table("marquee-dev-items"), table("marquee-dev-users"));
        assertThat(of(role, a -> a.equals("dynamodb:GetItem"))).flatExtracting(Statement::resources).extracting(Synth::render)
                .containsExactlyInAnyOrder(table("marquee-dev-items"), table("marquee-dev-users"),
                        table("marquee-dev-candidates"), table("marquee-dev-models"));
        // S3: read model bundles and catalog imports, write deletion records only, never delete or touch events/
        List<Statement> s3 = of(role, a -> a.startsWith("s3:"));
        assertThat(s3).flatExtracting(Statement::actions).noneMatch(a -> a.startsWith("s3:Delete"));
        assertThat(s3).filteredOn(st -> st.actions().stream().anyMatch(a -> a.startsWith("s3:Put"))).singleElement()
                .satisfies(st -> {
                    assertThat(st.renderedResources()).isEqualTo("${" + bucket + ".Arn}/deletions/*");
                    assertThat(st.actions()).noneMatch(a -> a.startsWith("s3:Get"));
                });
        assertThat(s3).filteredOn(st -> st.actions().stream().anyMatch(a -> a.startsWith("s3:Get")))
                .extracting(Statement::renderedResources)
                .containsExactly("[${" + bucket + ".Arn},${" + bucket + ".Arn}/catalog/*,${" + bucket + ".Arn}/models/*]");
        assertThat(of(role, a -> a.startsWith("sagemaker:") || a.startsWith("iam:"))).isEmpty();
    }

    @Test
    void ingestWritesEventsToTheLakeAndTouchesNoTable() {
        String role = roleOf("ingest");
        assertThat(of(role, a -> a.startsWith("dynamodb:"))).isEmpty();
        assertThat(of(role, a -> a.startsWith("s3:"))).singleElement().satisfies(s -> {
            assertThat(s.actions()).contains("s3:PutObject").noneMatch(a -> a.startsWith("s3:Get") || a.startsWith("s3:Delete"));
            assertThat(s.renderedResources()).isEqualTo("${" + bucket + ".Arn}/events/*");
        });
        assertThat(of(role, a -> a.equals("sqs:SendMessage"))).flatExtracting(Statement::resources).extracting(Synth::render)
                .containsExactlyInAnyOrder(queue("marquee-dev-poison"), queue("marquee-dev-stream-failures"));
        assertThat(of(role, a -> a.equals("sqs:ReceiveMessage"))).flatExtracting(Statement::resources).extracting(Synth::render)
                .containsExactly(queue("marquee-dev-events"));
        assertThat(of(role, a -> a.startsWith("kinesis:Put"))).isEmpty();
    }

    @Test
    void retrainStartsOnlyThisStagesJobsAndPassesOnlyTheTrainingRoleToSageMaker() {
        String role = roleOf("retrain");
        assertThat(of(role, a -> a.startsWith("sagemaker:"))).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactlyInAnyOrder("sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob",
                    "sagemaker:AddTags");
            assertThat(s.renderedResources())
                    .isEqualTo("arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/marquee-dev-*");
        });
        assertThat(of(role, a -> a.equals("iam:PassRole"))).singleElement().satisfies(s -> {
            assertThat(s.renderedResources()).isEqualTo("${" + sageMakerRole() + ".Arn}");
            assertThat(s.condition()).isEqualTo(Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com")));
        });
        assertThat(of(role, a -> a.equals("dynamodb:PutItem"))).flatExtracting(Statement::resources).extracting(Synth::render)
                .containsExactlyInAnyOrder(table("marquee-dev-candidates"), table("marquee-dev-models"));
        // S3: read bundles and job archives, write a bundle copied out of an archive; only under models/, never delete
        List<Statement> s3 = of(role, a -> a.startsWith("s3:"));
        assertThat(s3).flatExtracting(Statement::actions).noneMatch(a -> a.startsWith("s3:Delete"));
        assertThat(s3).filteredOn(st -> st.hasAction("s3:GetObject*")).singleElement()
                .satisfies(st -> assertThat(st.renderedResources()).isEqualTo("[${" + bucket + ".Arn},${" + bucket + ".Arn}/models/*]"));
        assertThat(s3).filteredOn(st -> st.hasAction("s3:PutObject")).singleElement()
                .satisfies(st -> assertThat(st.renderedResources()).isEqualTo("${" + bucket + ".Arn}/models/*"));
        // nobody else may pass roles or drive SageMaker
        assertThat(all.stream().filter(s -> s.hasAction("iam:PassRole") || s.actions().stream().anyMatch(a -> a.startsWith("sagemaker:"))))
                .allSatisfy(s -> assertThat(s.roles()).containsExactly("${" + role + "}"));
    }
}
