package dev.marquee.api;

import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbItemCatalog;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.backend.FunctionSettings;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.backend.S3MockBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The api on its real backends (marquee.backend=aws): DynamoDB Local, a Redis server process and S3Mock, on loopback,
 * filled before the api starts with a small world whose answers the ITs can predict:
 * <ul>
 *   <li>catalog i1..i20 Comedy movies, i21..i35 Drama (i30..i35 series), i36..i40 Documentary; i40 is new: no
 *       neighbours in the model;</li>
 *   <li>model {@link #VERSION}: global popularity i1..i39, US|* i21..i25, US|tv i30, i31; i1's neighbours i2..i8;
 *       u1's CF candidates i10..i12; metrics ials.ndcg@10 0.12;</li>
 *   <li>features: trending in US i5 over i6, everywhere i7; u2 has seen i3.</li>
 * </ul>
 * Tests stop and restart the servers through the static fields to cause real outages.
 */
public class RealBackends implements QuarkusTestResourceLifecycleManager {
    static final String VERSION = "v-it-1";
    static final String BUCKET = "marquee-lake-it";

    static DynamoDbLocalBackend dynamo;
    static RedisServerBackend redis;
    static S3MockBackend s3;
    static DynamoDbClient dynamoClient;

    @Override
    public Map<String, String> start() {
        try {
            dynamo = DynamoDbLocalBackend.start();
            redis = RedisServerBackend.start();
            s3 = S3MockBackend.start(Files.createTempDirectory(Path.of("target"), "s3mock-api-it-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket(BUCKET));
        }
        dynamoClient = dynamo.client();
        DynamoDbTables.createAll(dynamoClient, DynamoDbTables.DEFAULTS);
        seed();
        // the api's S3 client takes the default credential chain; S3Mock accepts any
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // two attempts, as a serving function should be configured (AWS_MAX_ATTEMPTS): DynamoDB's legacy default of
        // nine with backoff would spend seconds per call on a dead endpoint before the fallback serves
        System.setProperty("aws.retryMode", "standard");
        System.setProperty("aws.maxAttempts", "2");
        Map<String, String> config = new HashMap<>();
        config.put("marquee.backend", "aws");
        config.putAll(FunctionSettings.lake(s3, BUCKET));
        config.putAll(FunctionSettings.dynamoDb(dynamo));
        config.putAll(FunctionSettings.redis(redis));
        // every request reads the registry, so a test sees a switch (or an outage) at once
        config.put("marquee.api.model-refresh", "PT0S");
        // catalog entries the api has read stay in memory for the whole class (the DynamoDB outage test relies on it)
        config.put("marquee.api.read-cache.catalog-ttl", "PT10M");
        // a busy CI machine must not turn an answer the tests predict into a degraded one; outages fail fast anyway
        for (String stage : List.of("context", "generators", "ranker", "catalog")) {
            config.put("marquee.serving.budgets." + stage, "PT1S");
        }
        config.put("marquee.api.list-read-budget", "PT1S");
        return config;
    }

    private static void seed() {
        DynamoDbItemCatalog catalog = new DynamoDbItemCatalog(dynamoClient, DynamoDbTables.ITEMS);
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String genre = i <= 20 ? "Comedy" : i <= 35 ? "Drama" : "Documentary";
            String type = i >= 30 && i <= 35 ? "series" : "movie";
            items.add(new Item("i" + i, "Title " + i, List.of(genre), List.of(), type, Instant.parse("2020-01-01T00:00:00Z"),
                    Set.of(), Map.of()));
        }
        catalog.putAll(items);

        DynamoDbCandidateStore candidates = new DynamoDbCandidateStore(dynamoClient, DynamoDbTables.CANDIDATES);
        candidates.putAll(VERSION, CandidateKind.SEGMENT, Map.of(
                "*|*", IntStream.rangeClosed(1, 39).mapToObj(i -> new Candidate("i" + i, 100 - i, "popularity")).toList(),
                "US|*", IntStream.rangeClosed(21, 25).mapToObj(i -> new Candidate("i" + i, 50 - i, "popularity")).toList(),
                "US|tv", List.of(new Candidate("i30", 9, "popularity"), new Candidate("i31", 8, "popularity"))));
        candidates.putAll(VERSION, CandidateKind.SIMILAR, Map.of(
                "i1", IntStream.rangeClosed(2, 8).mapToObj(i -> new Candidate("i" + i, 1.0 - i / 10.0, "similar_items")).toList()));
        candidates.putAll(VERSION, CandidateKind.USER, Map.of(
                "u1", List.of(new Candidate("i10", 0.9, "ials"), new Candidate("i11", 0.8, "ials"), new Candidate("i12", 0.7, "ials"))));
        new DynamoDbModelRegistry(dynamoClient, DynamoDbTables.MODELS)
                .activate(new ModelVersion(VERSION, Instant.now(), Map.of("ials.ndcg@10", 0.12, "popularity.ndcg@10", 0.05)), null);

        // the real-time features are seeded by the test through the api's own feature store (seedFeatures): a Redis
        // client built here would need Quarkus's context propagation, which is gone between two apps in one JVM
    }

    /** Trending in US i5 over i6, everywhere i7; u2 has seen i3. */
    static void seedFeatures(dev.marquee.domain.port.FeatureStore features) {
        Instant now = Instant.now();
        features.bumpTrending("US", "i5", 3.0, now);
        features.bumpTrending("US", "i6", 2.0, now);
        features.bumpTrending("ALL", "i7", 1.0, now);
        features.markSeen("u2", "i3");
    }

    @Override
    public void stop() {
        if (dynamoClient != null) {
            dynamoClient.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (s3 != null) {
            s3.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.retryMode");
        System.clearProperty("aws.maxAttempts");
    }
}
