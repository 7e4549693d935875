package dev.marquee.infra.constructs;

import dev.marquee.infra.config.LakeEncryption;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

import java.util.List;

/**
 * The S3 data lake, the system of record: {@code events/dt=.../hour=.../*.jsonl.gz}, {@code catalog/},
 * {@code models/<version>/}. Private (every public access blocked, bucket owner owns every object), TLS 1.2+ only,
 * versioned, encrypted (SSE-S3 or a customer-managed KMS key), retained when the stack goes. Raw events move to
 * cheaper classes as they age; overwritten versions expire.
 */
public class Lake extends Construct {
    public static final String EVENTS_PREFIX = "events/";
    public static final String CATALOG_PREFIX = "catalog/";
    public static final String MODELS_PREFIX = "models/";
    public static final int EVENTS_TO_IA_DAYS = 30;
    public static final int EVENTS_TO_GLACIER_IR_DAYS = 90;
    public static final int EVENTS_TO_GLACIER_DAYS = 365;
    public static final int NONCURRENT_EXPIRY_DAYS = 30;

    private final Bucket bucket;

    public Lake(Construct scope, String id, String stage, LakeEncryption encryption) {
        super(scope, id);
        Bucket.Builder b = Bucket.Builder.create(this, "Bucket")
                // globally unique without hard-coding the account or region
                .bucketName("marquee-" + stage + "-lake-" + Aws.ACCOUNT_ID + "-" + Aws.REGION)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("events-tiering")
                                .prefix(EVENTS_PREFIX)
                                .transitions(List.of(
                                        transition(StorageClass.INFREQUENT_ACCESS, EVENTS_TO_IA_DAYS),
                                        transition(StorageClass.GLACIER_INSTANT_RETRIEVAL, EVENTS_TO_GLACIER_IR_DAYS),
                                        transition(StorageClass.GLACIER, EVENTS_TO_GLACIER_DAYS)))
                                .build(),
                        LifecycleRule.builder()
                                .id("housekeeping")
                                .noncurrentVersionExpiration(Duration.days(NONCURRENT_EXPIRY_DAYS))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                                .expiredObjectDeleteMarker(true)
                                .build()));
        if (encryption == LakeEncryption.KMS) {
            Key key = Key.Builder.create(this, "Key")
                    .description("Marquee " + stage + " lake")
                    .enableKeyRotation(true)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            b.encryption(BucketEncryption.KMS).encryptionKey(key).bucketKeyEnabled(true);
        } else {
            b.encryption(BucketEncryption.S3_MANAGED);
        }
        bucket = b.build();
    }

    private static Transition transition(StorageClass storageClass, int days) {
        return Transition.builder().storageClass(storageClass).transitionAfter(Duration.days(days)).build();
    }

    public Bucket bucket() {
        return bucket;
    }
}
