package dev.marquee.testing.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration that points a function (api, ingest, retrain) at the local servers, as the ITs, the benches and
 * the packaging stand-ins all need it: one place for the keys, so a renamed key breaks every caller's build, not one
 * caller's run.
 */
public final class FunctionSettings {
    public static final String REGION = "us-east-1";

    private FunctionSettings() {
    }

    /** The Quarkus Amazon DynamoDB client on DynamoDB Local (static credentials; Local accepts any). */
    public static Map<String, String> dynamoDb(DynamoDbLocalBackend dynamo) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString());
        s.put("quarkus.dynamodb.aws.region", REGION);
        s.put("quarkus.dynamodb.aws.credentials.type", "static");
        s.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
        s.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        return s;
    }

    /** The lake (and every other marquee.aws.* client) on S3Mock, in {@code bucket}. */
    public static Map<String, String> lake(S3MockBackend s3, String bucket) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("marquee.aws.region", REGION);
        s.put("marquee.aws.endpoint-override", s3.endpoint().toString());
        s.put("marquee.aws.lake-bucket", bucket);
        return s;
    }

    /** Features and the response cache on the Redis server process. */
    public static Map<String, String> redis(RedisServerBackend redis) {
        return Map.of("quarkus.redis.hosts", redis.endpoint().toString());
    }
}
