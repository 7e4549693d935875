package dev.marquee.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;

/**
 * An AWS JSON 1.1 protocol client for one service: each call is one SigV4-signed POST with
 * {@code X-Amz-Target: <prefix>.<Operation>}. For services whose SDK module is missing from the Maven Central we build
 * against (SageMaker); the signer and the HTTP client come from the SDK. No retries: callers decide what to resend.
 *
 * <p>Closing it closes the HTTP client it was given.
 */
public final class SignedJsonClient implements AutoCloseable {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String signingName;
    private final String targetPrefix;
    private final String region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final ObjectMapper json = Json.newMapper();

    /**
     * @param signingName  the service name in the signature's scope, e.g. {@code sagemaker}
     * @param targetPrefix what precedes the operation in X-Amz-Target, e.g. {@code SageMaker}
     * @param endpoint     the service's regional endpoint, or a VPC endpoint or local server (still signed for region)
     */
    public SignedJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, String signingName, String targetPrefix,
                            String region, URI endpoint) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.signingName = Objects.requireNonNull(signingName, "signingName");
        this.targetPrefix = Objects.requireNonNull(targetPrefix, "targetPrefix");
        this.region = Objects.requireNonNull(region, "region");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** {@code https://<host>.<region>.amazonaws.com} (.com.cn in China regions). */
    public static URI regionalEndpoint(String host, String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://" + host + "." + region + "." + domain);
    }

    public URI endpoint() {
        return endpoint;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * Calls {@code operation} with {@code request} as body and returns the parsed answer.
     *
     * @throws IOException          the call did not complete (refused, timed out, unreadable): whether it acted is unknown
     * @throws AwsServiceException  the service answered with an error
     */
    public JsonNode call(String operation, JsonNode request) throws IOException, AwsServiceException {
        byte[] body = json.writeValueAsBytes(request);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        // resolved per call: the provider caches and refreshes (role credentials expire)
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().orElse(null)) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        int status = response.httpResponse().statusCode();
        if (status / 100 == 2) {
            return answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
        }
        throw error(status, response.httpResponse(), answer);
    }

    private AwsServiceException error(int status, SdkHttpResponse response, byte[] body) {
        String type = null;
        String message = null;
        try {
            JsonNode n = json.readTree(body);
            if (n != null) {
                type = text(n, "__type");
                message = text(n, "message") != null ? text(n, "message") : text(n, "Message");
            }
        } catch (IOException notJson) {
            // a proxy's or load balancer's page: the status and header say enough
        }
        if (type == null) {
            type = response.firstMatchingHeader("x-amzn-ErrorType").orElse("HTTP" + status);
        }
        // "com.amazon.coral.service#InternalFailure" and "Type:http://internal.amazon.com/..." name the same type
        type = type.substring(type.indexOf('#') + 1);
        int colon = type.indexOf(':');
        return new AwsServiceException(status, colon > 0 ? type.substring(0, colon) : type, message);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public void close() {
        http.close();
    }
}
