package dev.marquee.runtime.wiring;

import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbItemCatalog;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbUserProfiles;
import dev.marquee.adapters.lake.LakeDeletionLog;
import dev.marquee.adapters.kinesis.KinesisEventStream;
import dev.marquee.adapters.kinesis.KinesisJsonClient;
import dev.marquee.adapters.redis.RedisFeatureStore;
import dev.marquee.adapters.redis.RedisResponseCache;
import dev.marquee.adapters.s3.S3EventLake;
import dev.marquee.adapters.s3.S3LakeFiles;
import dev.marquee.adapters.s3.S3ModelStore;
import dev.marquee.adapters.sqs.SqsDeadLetterSink;
import dev.marquee.adapters.sqs.SqsEventStream;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.runtime.config.MarqueeConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds the real adapters from injected clients; only used when marquee.backend=aws. Clients are looked up lazily,
 * so the embedded backend never creates one (nor needs Redis or AWS settings).
 */
@ApplicationScoped
public class AwsPortsFactory {

    @Inject
    Instance<DynamoDbClient> dynamo;

    @Inject
    Instance<S3Client> s3;

    @Inject
    Instance<SqsClient> sqs;

    @Inject
    Instance<RedisDataSource> redis;

    @Inject
    Instance<KinesisJsonClient> kinesis;

    /** The data source's timeout, which it does not expose: the feature store's pipelined batches use it too. */
    @ConfigProperty(name = "quarkus.redis.timeout", defaultValue = "10s")
    Duration redisTimeout;

    public Ports create(MarqueeConfig config, Clock clock) {
        MarqueeConfig.Aws aws = config.aws();
        MarqueeConfig.Tables t = aws.tables();
        DynamoDbClient ddb = dynamo.get();
        S3Client s3Client = s3.get();
        RedisDataSource redisDs = redis.get();
        ItemCatalog catalog = new DynamoDbItemCatalog(ddb, t.items());
        UserProfiles profiles = new DynamoDbUserProfiles(ddb, t.users());
        CandidateStore candidates = new DynamoDbCandidateStore(ddb, t.candidates());
        ModelRegistry registry = new DynamoDbModelRegistry(ddb, t.models());
        FeatureStore features = new RedisFeatureStore(redisDs, config.features().trendingHalfLife(), redisTimeout);
        ResponseCache cache = new RedisResponseCache(redisDs, clock, redisTimeout);
        EventLake lake = new S3EventLake(s3Client, aws.lakeBucket(), "", clock);
        ModelStore models = new S3ModelStore(s3Client, aws.lakeBucket(), "");
        LakeFiles lakeFiles = new S3LakeFiles(s3Client, aws.lakeBucket(), "");
        DeletionLog deletions = new LakeDeletionLog(lakeFiles);
        EventStream stream = aws.eventsStream()
                .<EventStream>map(name -> new KinesisEventStream(kinesis.get(), name))
                .or(() -> aws.eventsQueueUrl().map(url -> new SqsEventStream(sqs.get(), url)))
                .orElse(events -> {
                    throw new StoreUnavailableException("stream", "neither marquee.aws.events-stream nor marquee.aws.events-queue-url is set", null);
                });
        DeadLetterSink deadLetters = aws.deadLetterQueueUrl()
                .<DeadLetterSink>map(url -> new SqsDeadLetterSink(sqs.get(), url))
                .orElse(letters -> {
                    throw new StoreUnavailableException("dead-letters", "marquee.aws.dead-letter-queue-url is not set", null);
                });
        return new Ports(catalog, profiles, candidates, registry, features, cache, lake, models, stream,
                deadLetters, lakeFiles, deletions);
    }
}
