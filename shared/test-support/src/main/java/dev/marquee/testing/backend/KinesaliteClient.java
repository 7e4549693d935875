package dev.marquee.testing.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The test side of a Kinesis server: creates streams and reads every record back, with plain JSON 1.1 calls.
 * Kinesalite wants a SigV4-shaped Authorization header but checks no signature, so a fixed dummy one does; this
 * keeps test-support free of the adapters module (which depends on it) and of the SDK's missing kinesis module.
 */
public final class KinesaliteClient {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** One record as a consumer reads it. */
    public record Record(String shardId, String sequenceNumber, String partitionKey, byte[] data) {
    }

    public KinesaliteClient(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt against node's HTTP/1.1 server
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Creates a stream with {@code shards} shards and waits until it is ACTIVE. */
    public void createStream(String name, int shards) {
        call("CreateStream", json.createObjectNode().put("StreamName", name).put("ShardCount", shards));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode d = call("DescribeStream", json.createObjectNode().put("StreamName", name));
            String status = d.path("StreamDescription").path("StreamStatus").asText();
            if (status.equals("ACTIVE")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream " + name + " still " + status + " after 10 s");
            }
            sleep(20);
        }
    }

    /** The names of the streams there are. */
    public List<String> streams() {
        List<String> names = new ArrayList<>();
        call("ListStreams", json.createObjectNode()).path("StreamNames").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Every record of every shard of the stream, from the oldest (TRIM_HORIZON), shard by shard in order. */
    public List<Record> records(String stream) {
        List<Record> out = new ArrayList<>();
        JsonNode shards = call("ListShards", json.createObjectNode().put("StreamName", stream)).path("Shards");
        for (JsonNode shard : shards) {
            String shardId = shard.path("ShardId").asText();
            String iterator = call("GetShardIterator", json.createObjectNode().put("StreamName", stream)
                    .put("ShardId", shardId).put("ShardIteratorType", "TRIM_HORIZON")).path("ShardIterator").asText();
            while (iterator != null && !iterator.isEmpty()) {
                JsonNode page = call("GetRecords", json.createObjectNode().put("ShardIterator", iterator).put("Limit", 10_000));
                JsonNode records = page.path("Records");
                for (JsonNode r : records) {
                    out.add(new Record(shardId, r.path("SequenceNumber").asText(), r.path("PartitionKey").asText(),
                            Base64.getDecoder().decode(r.path("Data").asText())));
                }
                // an open shard always hands back a next iterator: an empty page means we are at its tip
                iterator = records.isEmpty() ? null : page.path("NextShardIterator").asText(null);
            }
        }
        return out;
    }

    /** One call; an error answer is an IllegalStateException naming its __type. */
    public JsonNode call(String operation, ObjectNode body) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "Kinesis_20131202." + operation)
                    .header("X-Amz-Date", date)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/" + date.substring(0, 8)
                            + "/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(operation + ": HTTP " + response.statusCode() + " " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
