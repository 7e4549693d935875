package dev.marquee.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LakeTest {
    static Synth synth;
    static Map<String, Object> bucket;
    static String bucketId;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        assertThat(synth.resources("AWS::S3::Bucket")).hasSize(1);
        bucketId = synth.resources("AWS::S3::Bucket").keySet().iterator().next();
        bucket = synth.resource(bucketId);
    }

    @Test
    void encryptedWithS3ManagedKeysByDefault() {
        assertThat(Synth.render(Synth.props(bucket).get("BucketEncryption")))
                .isEqualTo("{ServerSideEncryptionConfiguration=[{ServerSideEncryptionByDefault={SSEAlgorithm=AES256}}]}");
    }

    @Test
    void blocksEveryKindOfPublicAccessAndEnforcesBucketOwnership() {
        assertThat(Synth.props(bucket).get("PublicAccessBlockConfiguration")).isEqualTo(Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(Synth.render(Synth.props(bucket).get("OwnershipControls"))).contains("ObjectOwnership=BucketOwnerEnforced");
    }

    @Test
    @SuppressWarnings("unchecked")
    void policyDeniesEveryRequestWithoutTlsOrBelowTls12() {
        Map<String, Object> policy = synth.only("AWS::S3::BucketPolicy", "${" + bucketId + "}");
        List<Object> statements = Synth.list(((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
        assertThat(statements).anySatisfy(o -> {
            Map<String, Object> st = (Map<String, Object>) o;
            assertThat(st.get("Effect")).isEqualTo("Deny");
            assertThat(st.get("Action")).isEqualTo("s3:*");
            assertThat(st.get("Principal")).isEqualTo(Map.of("AWS", "*"));
            assertThat(st.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            assertThat(Synth.render(st.get("Resource"))).isEqualTo("[${" + bucketId + ".Arn},${" + bucketId + ".Arn}/*]");
        });
        assertThat(statements).anySatisfy(o -> {
            Map<String, Object> st = (Map<String, Object>) o;
            assertThat(st.get("Effect")).isEqualTo("Deny");
            assertThat(st.get("Condition")).isEqualTo(Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)));
        });
        // nothing in the bucket policy allows anything: access comes from the roles' own policies
        assertThat(statements).allSatisfy(o -> assertThat(((Map<String, Object>) o).get("Effect")).isEqualTo("Deny"));
    }

    @Test
    void versionedAndRetainedWhenTheStackIsDeleted() {
        assertThat(Synth.props(bucket).get("VersioningConfiguration")).isEqualTo(Map.of("Status", "Enabled"));
        assertThat(bucket.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(bucket.get("UpdateReplacePolicy")).isEqualTo("Retain");
    }

    @Test
    void rawEventsMoveToInfrequentAccessThenGlacierInstantThenFlexible() {
        String rules = Synth.render(Synth.props(bucket).get("LifecycleConfiguration"));
        assertThat(rules).contains("{Id=events-tiering,Prefix=events/,Status=Enabled,Transitions=["
                + "{StorageClass=STANDARD_IA,TransitionInDays=30},"
                + "{StorageClass=GLACIER_IR,TransitionInDays=90},"
                + "{StorageClass=GLACIER,TransitionInDays=365}]}");
        // models/ and catalog/ stay in Standard: only events/ is tiered
        assertThat(rules.split("Transitions=").length).isEqualTo(2);
        assertThat(rules).contains("NoncurrentVersionExpiration={NoncurrentDays=30}")
                .contains("AbortIncompleteMultipartUpload={DaysAfterInitiation=7}");
    }

    @Test
    void nameCarriesStageAccountAndRegionWithoutHardCodingThem() {
        assertThat(Synth.render(Synth.props(bucket).get("BucketName")))
                .isEqualTo("marquee-dev-lake-${AWS::AccountId}-${AWS::Region}");
    }
}
