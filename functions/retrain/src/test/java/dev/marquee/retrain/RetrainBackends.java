package dev.marquee.retrain;

import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.testing.aws.SageMakerStub;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.backend.FunctionSettings;
import dev.marquee.testing.backend.S3MockBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the retrain function talks to in AWS, on loopback: DynamoDB Local (candidates, models), S3Mock (the lake
 * bucket the sample events name) and the SageMaker stub. The function's settings are the ones the CDK app sets, as
 * config keys; spot with checkpoints is on, so those request fields are exercised.
 */
public class RetrainBackends implements QuarkusTestResourceLifecycleManager {
    static final String LAKE = "marquee-dev-lake-123456789012-us-east-1";
    static final String ROLE = "arn:aws:iam::123456789012:role/marquee-dev-training";
    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/marquee-embedding-refresh:2026.11";

    static DynamoDbLocalBackend dynamo;
    static S3MockBackend s3mock;
    static SageMakerStub sageMaker;
    static DynamoDbClient dynamoClient;
    static S3Client s3;

    @Override
    public Map<String, String> start() {
        dynamo = DynamoDbLocalBackend.start();
        try {
            s3mock = S3MockBackend.start(Files.createTempDirectory(Path.of("target"), "retrain-s3mock-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sageMaker = SageMakerStub.start();
        dynamoClient = dynamo.client();
        s3 = s3mock.client();
        s3.createBucket(b -> b.bucket(LAKE));
        createTables();
        // the function's S3 and SageMaker clients use the default credential chain, as in Lambda
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");

        Map<String, String> c = new LinkedHashMap<>();
        c.putAll(FunctionSettings.dynamoDb(dynamo));
        c.putAll(FunctionSettings.lake(s3mock, LAKE));
        c.put("marquee.retrain.sagemaker-endpoint", sageMaker.endpoint().toString());
        c.put("marquee.retrain.role-arn", ROLE);
        c.put("marquee.retrain.training-image", IMAGE);
        c.put("marquee.retrain.job-prefix", "marquee-dev-");
        c.put("marquee.retrain.instance-type", "ml.g5.xlarge");
        c.put("marquee.retrain.max-runtime", "PT4H");
        c.put("marquee.retrain.spot", "true");
        c.put("marquee.retrain.max-wait", "PT8H");
        c.put("marquee.retrain.checkpoint-uri", "s3://" + LAKE + "/models/_checkpoints/");
        c.put("marquee.retrain.factors", "32");
        c.put("marquee.retrain.iterations", "12");
        return c;
    }

    /** Deletes every object of the lake bucket. */
    static void emptyLake() {
        var listed = s3.listObjectsV2(b -> b.bucket(LAKE)).contents();
        if (!listed.isEmpty()) {
            s3.deleteObjects(b -> b.bucket(LAKE).delete(d -> d.objects(
                    listed.stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList())));
        }
    }

    /** Empty candidates and models tables (each test starts with nothing published). */
    static void createTables() {
        for (String t : new String[]{DynamoDbTables.CANDIDATES, DynamoDbTables.MODELS}) {
            if (dynamoClient.listTables().tableNames().contains(t)) {
                dynamoClient.deleteTable(b -> b.tableName(t));
            }
        }
        DynamoDbTables.createCandidates(dynamoClient, DynamoDbTables.CANDIDATES);
        DynamoDbTables.createModels(dynamoClient, DynamoDbTables.MODELS);
    }

    @Override
    public void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (s3 != null) {
            s3.close();
        }
        if (dynamoClient != null) {
            dynamoClient.close();
        }
        if (sageMaker != null) {
            sageMaker.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
