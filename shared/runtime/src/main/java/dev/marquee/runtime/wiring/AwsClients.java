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
 * SDK clients the Quarkus Amazon Services extensions cannot provide here (their S3 and SQS deployment artifacts
 * do not resolve): built once per container, injected, closed on shutdown. DynamoDB comes from its extension.
 * Beans are created lazily, so the embedded backend never builds one.
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
