package dev.marquee.retrain;

import dev.marquee.adapters.aws.SignedJsonClient;
import dev.marquee.adapters.sagemaker.SageMakerTrainingJobs;
import dev.marquee.domain.port.TrainingJobs;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.time.Duration;

/**
 * The SageMaker client: the region's API endpoint, or {@code marquee.retrain.sagemaker-endpoint}; the Lambda role's
 * credentials (default chain); the region from {@code marquee.aws.region} or the environment. Built here because
 * Quarkus Amazon Services has no SageMaker extension (and the SDK's sagemaker module is not on the Maven Central these
 * builds reach); it is native-friendly as it is (see AwsClients in shared/runtime).
 */
@ApplicationScoped
public class SageMakerWiring {

    @Produces
    @Singleton
    SignedJsonClient sageMakerClient(MarqueeConfig marquee, RetrainConfig retrain) {
        String region = marquee.aws().region().orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion().id());
        return new SignedJsonClient(
                UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(20)).build(),
                DefaultCredentialsProvider.builder().build(),
                SageMakerTrainingJobs.SIGNING_NAME, SageMakerTrainingJobs.TARGET_PREFIX, region,
                retrain.sagemakerEndpoint().orElseGet(() -> SageMakerTrainingJobs.endpointFor(region)));
    }

    @Produces
    @Singleton
    TrainingJobs trainingJobs(SignedJsonClient client) {
        return new SageMakerTrainingJobs(client);
    }

    void close(@Disposes SignedJsonClient client) {
        client.close();
    }
}
