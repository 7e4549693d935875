package dev.marquee.devtools.packaging;

import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.testing.aws.SageMakerStub;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.backend.S3MockBackend;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retrain function's AWS on loopback: the SageMaker stub (CreateTrainingJob for a schedule tick), S3Mock (the
 * lake bucket, with an events/ and a catalog/ object, so the tick lists a channel that holds something) and DynamoDB
 * Local (the candidates and models tables a job-state change publishes into; the sample job has no bundle, so its
 * publish is refused after reading both stores, a normal answer). The environment is the keys the CDK app sets on the
 * function, pointed at these servers, with dummy credentials for the default chain.
 */
final class RetrainStandIns implements StandIns {
    /** The stage the samples come from: the state-change events name this bucket and the jobs marquee-dev-refresh-*. */
    static final String LAKE = "marquee-dev-lake-123456789012-us-east-1";
    static final String JOB_PREFIX = "marquee-dev-";
    static final String ROLE = "arn:aws:iam::123456789012:role/marquee-dev-training";
    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/marquee-embedding-refresh:local";

    private final SageMakerStub sageMaker;
    private final S3MockBackend s3mock;
    private final DynamoDbLocalBackend dynamo;

    private RetrainStandIns(SageMakerStub sageMaker, S3MockBackend s3mock, DynamoDbLocalBackend dynamo) {
        this.sageMaker = sageMaker;
        this.s3mock = s3mock;
        this.dynamo = dynamo;
    }

    static RetrainStandIns start(Path scratch) {
        SageMakerStub sageMaker = SageMakerStub.start();
        S3MockBackend s3mock = null;
        DynamoDbLocalBackend dynamo = null;
        try {
            s3mock = S3MockBackend.start(scratch.resolve("s3mock-" + System.nanoTime()));
            dynamo = DynamoDbLocalBackend.start();
            try (S3Client s3 = s3mock.client(); DynamoDbClient ddb = dynamo.client()) {
                s3.createBucket(b -> b.bucket(LAKE));
                s3.putObject(b -> b.bucket(LAKE).key("events/dt=2026-11-21/hour=14/part-0001.jsonl.gz"), RequestBody.fromString("{}"));
                s3.putObject(b -> b.bucket(LAKE).key("catalog/2026-11-20.jsonl"), RequestBody.fromString("{}"));
                DynamoDbTables.createCandidates(ddb, DynamoDbTables.CANDIDATES);
                DynamoDbTables.createModels(ddb, DynamoDbTables.MODELS);
            }
            return new RetrainStandIns(sageMaker, s3mock, dynamo);
        } catch (RuntimeException e) {
            sageMaker.close();
            if (s3mock != null) {
                s3mock.close();
            }
            if (dynamo != null) {
                dynamo.close();
            }
            throw e;
        }
    }

    @Override
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARQUEE_BACKEND", "aws");
        env.put("MARQUEE_AWS_REGION", "us-east-1");
        env.put("MARQUEE_AWS_ENDPOINT_OVERRIDE", s3mock.endpoint().toString());
        env.put("MARQUEE_AWS_LAKE_BUCKET", LAKE);
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamo.endpoint().toString());
        env.put("MARQUEE_RETRAIN_SAGEMAKER_ENDPOINT", sageMaker.endpoint().toString());
        env.put("MARQUEE_RETRAIN_ROLE_ARN", ROLE);
        env.put("MARQUEE_RETRAIN_TRAINING_IMAGE", IMAGE);
        env.put("MARQUEE_RETRAIN_JOB_PREFIX", JOB_PREFIX);
        // what Lambda puts in the environment for the execution role; the default chain of every client reads them
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }

    /** Every run's tick creates its job instead of finding the previous run's. */
    @Override
    public void reset() {
        sageMaker.reset();
    }

    /** The CreateTrainingJob requests received since the last reset. */
    int trainingJobsCreated() {
        return sageMaker.calls("CreateTrainingJob").size();
    }

    @Override
    public void close() {
        sageMaker.close();
        s3mock.close();
        dynamo.close();
    }
}
