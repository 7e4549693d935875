package dev.marquee.testing.backend;

import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * ElasticMQ's SQS-compatible REST server (Pekko HTTP) started in this JVM on a free port of 127.0.0.1 only, with
 * in-memory queues. The port is chosen by the kernel at bind time (no free-port race), and queue URLs carry it.
 */
public final class ElasticMqBackend implements LocalBackend {
    private static final Region REGION = Region.US_EAST_1;

    private final SQSRestServer server;
    private final URI endpoint;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticMqBackend(SQSRestServer server, URI endpoint, Duration startup) {
        this.server = server;
        this.endpoint = endpoint;
        this.startup = startup;
    }

    public static ElasticMqBackend start() {
        long t0 = System.nanoTime();
        SQSRestServer server = SQSRestServerBuilder
                .withInterface(FreePort.LOOPBACK)
                .withDynamicPort()
                .withAWSRegion(REGION.id())
                .start();
        InetSocketAddress bound;
        try {
            Http.ServerBinding binding = server.waitUntilStarted();
            bound = binding.localAddress();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
        if (!bound.getAddress().isLoopbackAddress()) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ bound to " + bound + ", not loopback");
        }
        URI endpoint = URI.create("http://" + FreePort.LOOPBACK + ":" + bound.getPort());
        return new ElasticMqBackend(server, endpoint, Duration.ofNanos(System.nanoTime() - t0));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    int port() {
        return endpoint.getPort();
    }

    /** How long {@link #start} took. */
    public Duration startupTime() {
        return startup;
    }

    /** A client for this server: URL-connection HTTP client, dummy static credentials, us-east-1. */
    public SqsClient client() {
        return client(b -> {
        });
    }

    /** A client for this server, further configured by the caller (interceptors, retry policy...). */
    public SqsClient client(Consumer<SqsClientBuilder> customizer) {
        SqsClientBuilder b = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)));
        customizer.accept(b);
        return b.build();
    }

    /** Stops the server and waits for it to let go of its port; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stopAndWait();
        }
    }
}
