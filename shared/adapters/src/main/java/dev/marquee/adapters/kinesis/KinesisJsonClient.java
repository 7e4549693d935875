package dev.marquee.adapters.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.aws.AwsServiceException;
import dev.marquee.adapters.aws.SignedJsonClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.net.URI;

/**
 * A minimal Kinesis client: one signed JSON 1.1 POST per call ({@link SignedJsonClient}). It exists because the SDK's
 * {@code kinesis} module (and {@code aws-cbor-protocol}) at the BOM's version are missing from the Maven Central we
 * build against, while the SigV4 signer and the HTTP client are there. No retries here: {@link KinesisEventStream}
 * decides what to resend.
 *
 * <p>Closing it closes the HTTP client it was given.
 */
public final class KinesisJsonClient implements AutoCloseable {
    static final String SERVICE = "kinesis";
    static final String TARGET_PREFIX = "Kinesis_20131202";

    private final SignedJsonClient client;

    /** Calls the region's public endpoint, https://kinesis.REGION.amazonaws.com. */
    public KinesisJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, String region) {
        this(http, credentials, region, endpointFor(region));
    }

    /** Calls {@code endpoint} instead (a VPC endpoint, a local server), still signing for {@code region}. */
    public KinesisJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this.client = new SignedJsonClient(http, credentials, SERVICE, TARGET_PREFIX, region, endpoint);
    }

    public static URI endpointFor(String region) {
        return SignedJsonClient.regionalEndpoint(SERVICE, region);
    }

    public URI endpoint() {
        return client.endpoint();
    }

    ObjectMapper json() {
        return client.json();
    }

    /**
     * Calls {@code operation} (e.g. {@code PutRecords}) with {@code request} as body and returns the parsed answer.
     *
     * @throws IOException             the call did not complete (connection refused, timeout, unreadable answer):
     *                                 whether Kinesis acted on it is unknown
     * @throws KinesisServiceException Kinesis answered with an error
     */
    public JsonNode call(String operation, JsonNode request) throws IOException, KinesisServiceException {
        try {
            return client.call(operation, request);
        } catch (AwsServiceException e) {
            throw new KinesisServiceException(e.status(), e.type(), e.detail());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
