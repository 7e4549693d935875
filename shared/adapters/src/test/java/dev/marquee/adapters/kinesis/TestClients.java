package dev.marquee.adapters.kinesis;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.net.URI;
import java.time.Duration;

/** The production client, pointed at a local server: URL-connection HTTP, fixed test credentials, us-east-1. */
final class TestClients {
    static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "AKIDMARQUEETEST";
    static final String SECRET_KEY = "marquee-test-secret";

    private TestClients() {
    }

    static KinesisJsonClient kinesis(URI endpoint) {
        return kinesis(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    static KinesisJsonClient kinesis(URI endpoint, AwsCredentialsProvider credentials) {
        return new KinesisJsonClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build(), credentials, REGION, endpoint);
    }
}
