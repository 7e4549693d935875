package dev.marquee.runtime.wiring;

import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import dev.marquee.adapters.kinesis.KinesisJsonClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/**
 * SDK clients the Quarkus Amazon Services extensions cannot provide here: built once per container, injected, closed
 * on shutdown. DynamoDB comes from its extension (quarkus.dynamodb.*). Beans are created lazily, so the embedded
 * backend never builds one.
 *
 * <p>Why not {@code quarkus-amazon-s3} / {@code quarkus-amazon-sqs}: the extensions of one Amazon Services release
 * must share its {@code quarkus-amazon-common}, and on the Maven Central these builds reach, release 3.16.0 (the one
 * built for Quarkus 3.34, which DynamoDB uses) has no {@code quarkus-amazon-s3-deployment} and no
 * {@code quarkus-amazon-sqs} at all; the releases that have S3's (3.15.1, for Quarkus 3.32; 3.19.0, which has no
 * DynamoDB) would move DynamoDB off its release, and SQS stops at 3.14.1. Switch both to their extensions, with
 * {@code quarkus.s3.*} / {@code quarkus.sqs.*} set from the marquee.aws.* keys, once 3.16's artifacts resolve.
 *
 * <p>Native: these clients need no Quarkus registration. The SDK ships its own native-image metadata (sdk-core's
 * interceptor resources and {@code --enable-url-protocols=https}, url-connection-client's and aws-core's reflection
 * entries), and the HTTP client is given explicitly, so no {@code ServiceLoader} lookup of an implementation happens;
 * the Lambda's credentials and region come from environment variables, which the default chains read without
 * reflection. Kinesis and SageMaker (retrain's {@code SageMakerWiring}) have no SDK module on that Maven Central, hence
 * no extension either: they go through {@code SignedJsonClient}, which is the SDK's signer, url-connection client and
 * Jackson's tree model, all native-friendly.
 */
@ApplicationScoped
public class AwsClients {

    @Produces
    @Singleton
    S3Client s3(MarqueeConfig config) {
        return configure(S3Client.builder(), config)
                // path-style addressing: what S3-compatible local servers expect
                .forcePathStyle(config.aws().endpointOverride().isPresent())
                .build();
    }

    @Produces
    @Singleton
    SqsClient sqs(MarqueeConfig config) {
        return configure(SqsClient.builder(), config).build();
    }

    /** Kinesis through a small signed JSON client: the SDK's kinesis module is not on the reachable Maven Central. */
    @Produces
    @Singleton
    KinesisJsonClient kinesis(MarqueeConfig config) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
        String region = config.aws().region().orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion().id());
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        return config.aws().endpointOverride()
                .map(endpoint -> new KinesisJsonClient(http, credentials, region, endpoint))
                .orElseGet(() -> new KinesisJsonClient(http, credentials, region));
    }

    void closeKinesis(@Disposes KinesisJsonClient client) {
        client.close();
    }

    void closeS3(@Disposes S3Client client) {
        client.close();
    }

    void closeSqs(@Disposes SqsClient client) {
        client.close();
    }

    private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, MarqueeConfig config) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5)));
        config.aws().region().map(Region::of).ifPresent(builder::region);
        config.aws().endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
