package dev.marquee.infra;

import dev.marquee.infra.constructs.FunctionCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production stage with the other choices: JVM packaging (java25 + SnapStart), a JWT authorizer, a KMS-encrypted
 * lake, no CORS, an alarm e-mail, sized and reserved api concurrency, on-demand training instances.
 */
class JvmVariantTest {
    static final Map<String, Object> CONTEXT = Map.ofEntries(
            Map.entry("stage", "prod"),
            Map.entry("assets", "placeholder"),
            Map.entry("packaging", "jvm"),
            Map.entry("authorizer", "jwt"),
            Map.entry("jwtIssuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_example"),
            Map.entry("jwtAudience", "marquee-web,marquee-tv"),
            Map.entry("lakeEncryption", "kms"),
            Map.entry("alarmEmail", "oncall@example.com"),
            Map.entry("api.memory", "2048"),
            Map.entry("api.reservedConcurrency", "50"),
            Map.entry("trainingImage", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/marquee-embedding-refresh@sha256:abc"),
            Map.entry("trainingInstanceType", "ml.g4dn.xlarge"),
            Map.entry("trainingSpot", "false"),
            Map.entry("trainingMaxRuntimeHours", "8"));

    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(CONTEXT);
    }

    static Map<String, Object> fn(String name) {
        return synth.where("AWS::Lambda::Function", "FunctionName", "marquee-prod-" + name);
    }

    @Test
    void jvmPackagingUsesJava25WithSnapStartAndTheQuarkusStreamHandler() {
        for (String f : List.of("api", "ingest", "retrain")) {
            Map<String, Object> p = fn(f);
            assertThat(p.get("Runtime")).as(f).isEqualTo("java25");
            assertThat(p.get("Handler")).as(f).isEqualTo(FunctionCode.JVM_HANDLER)
                    .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(p.get("SnapStart")).as(f).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(Synth.render(p.get("Environment"))).as(f)
                    .contains("JAVA_TOOL_OPTIONS=-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
        // SnapStart restores published versions: the triggers call the alias, never $LATEST
        assertThat(synth.resources("AWS::Lambda::Alias")).hasSize(3);
    }

    @Test
    void apiSizedAndReservedFromContext() {
        assertThat(fn("api")).containsEntry("MemorySize", 2048).containsEntry("ReservedConcurrentExecutions", 50);
        assertThat(fn("ingest")).containsEntry("MemorySize", 1024).doesNotContainKey("ReservedConcurrentExecutions");
    }

    @Test
    void jwtAuthorizerWithIssuerAndAudienceGuardsTheRoute() {
        var authorizers = synth.resources("AWS::ApiGatewayV2::Authorizer");
        assertThat(authorizers).hasSize(1);
        String authorizer = authorizers.keySet().iterator().next();
        Map<String, Object> a = Synth.props(authorizers.get(authorizer));
        assertThat(a.get("AuthorizerType")).isEqualTo("JWT");
        assertThat(a.get("IdentitySource")).isEqualTo(List.of("$request.header.Authorization"));
        assertThat(a.get("JwtConfiguration")).isEqualTo(Map.of(
                "Issuer", CONTEXT.get("jwtIssuer"), "Audience", List.of("marquee-web", "marquee-tv")));
        Map<String, Object> route = Synth.props(synth.resources("AWS::ApiGatewayV2::Route").values().iterator().next());
        assertThat(route.get("AuthorizationType")).isEqualTo("JWT");
        assertThat(Synth.render(route.get("AuthorizerId"))).isEqualTo("${" + authorizer + "}");
    }

    @Test
    void noCorsUnlessOriginsAreGiven() {
        Map<String, Object> api = synth.where("AWS::ApiGatewayV2::Api", "Name", "marquee-prod-api");
        assertThat(api).doesNotContainKey("CorsConfiguration");
    }

    @Test
    void lakeEncryptedWithARotatedCustomerKeyAndBucketKey() {
        var keys = synth.resources("AWS::KMS::Key");
        assertThat(keys).hasSize(1);
        String key = keys.keySet().iterator().next();
        assertThat(Synth.props(keys.get(key)).get("EnableKeyRotation")).isEqualTo(true);
        assertThat(keys.get(key).get("DeletionPolicy")).isEqualTo("Retain");
        Map<String, Object> bucket = Synth.props(synth.resources("AWS::S3::Bucket").values().iterator().next());
        assertThat(Synth.render(bucket.get("BucketEncryption"))).isEqualTo("{ServerSideEncryptionConfiguration=[{BucketKeyEnabled=true,"
                + "ServerSideEncryptionByDefault={KMSMasterKeyID=${" + key + ".Arn},SSEAlgorithm=aws:kms}}]}");
    }

    @Test
    void keyUseIsGrantedOnTheKeyOnlyAndFollowsTheBucketGrants() {
        String key = "${" + synth.resources("AWS::KMS::Key").keySet().iterator().next() + ".Arn}";
        List<Synth.Statement> kms = synth.statements().stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("kms:"))).toList();
        assertThat(kms).isNotEmpty().allSatisfy(s -> assertThat(s.renderedResources()).isEqualTo(key));
        // writers (ingest, the training job, the api for deletion records) can encrypt; nobody gets more than that
        String ingestRole = IamTest.roleOf(synth, "marquee-prod-ingest");
        assertThat(synth.statementsOf(ingestRole).stream().flatMap(s -> s.actions().stream()))
                .contains("kms:GenerateDataKey*", "kms:Encrypt");
        String apiRole = IamTest.roleOf(synth, "marquee-prod-api");
        assertThat(synth.statementsOf(apiRole).stream().flatMap(s -> s.actions().stream()).filter(a -> a.startsWith("kms:")))
                .contains("kms:Decrypt", "kms:GenerateDataKey*").allMatch(a -> a.matches("kms:(Decrypt|DescribeKey|Encrypt|ReEncrypt\\*|GenerateDataKey\\*)"));
        IamTest.assertNoActionWildcard(synth.statements());
        IamTest.assertStarOnlyForExceptions(synth.statements());
    }

    @Test
    void alarmsAlsoGoToTheOnCallAddress() {
        Map<String, Object> sub = Synth.props(synth.resources("AWS::SNS::Subscription").values().iterator().next());
        assertThat(sub).containsEntry("Protocol", "email").containsEntry("Endpoint", "oncall@example.com");
        assertThat(Synth.render(sub.get("TopicArn")))
                .isEqualTo("${" + synth.idWhere("AWS::SNS::Topic", "TopicName", "marquee-prod-alarms") + "}");
    }

    @Test
    void trainingSettingsAndImageRepositoryFromContext() {
        String env = Synth.render(fn("retrain").get("Environment"));
        assertThat(env).contains("MARQUEE_RETRAIN_INSTANCE_TYPE=ml.g4dn.xlarge", "MARQUEE_RETRAIN_SPOT=false",
                "MARQUEE_RETRAIN_MAX_RUNTIME=PT8H", "MARQUEE_RETRAIN_JOB_PREFIX=marquee-prod-",
                "MARQUEE_RETRAIN_TRAINING_IMAGE=" + CONTEXT.get("trainingImage"))
                // on demand: no spot wait, no checkpoints
                .doesNotContain("MARQUEE_RETRAIN_MAX_WAIT", "MARQUEE_RETRAIN_CHECKPOINT_URI");
        // an image from context is used as given: nothing to build
        assertThat(synth.stack.training().imageAsset()).isNull();
        assertThat(synth.statements().stream().filter(s -> s.hasAction("ecr:BatchGetImage"))).singleElement()
                .satisfies(s -> assertThat(s.renderedResources())
                        .isEqualTo("arn:${AWS::Partition}:ecr:eu-west-1:123456789012:repository/marquee-embedding-refresh"));
    }
}
