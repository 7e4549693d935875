package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Candidate lists, one item per (version, kind, key), the list in one compact binary attribute
 * ({@link CandidateListCodec}).
 *
 * <p>Keys: partition key {@code pk = <version>#<shard>}, sort key {@code sk = <KIND>#<key>}, where the shard is a
 * stable hash of the sort key modulo {@link #DEFAULT_SHARDS}. Why: a bare {@code pk = version} would put a whole
 * version (every user's list) under one partition key, so the batch load and all serving reads of the active version
 * would queue behind one partition's 1,000 WCU / 3,000 RCU; the shards spread both over as many partition keys. And
 * why not a key per list: {@link #deleteVersion} can still find a version's lists by querying its shards, with no
 * table scan and no index. The shard count is part of the stored layout: readers and writers of a table must agree.
 */
public final class DynamoDbCandidateStore implements CandidateStore {
    static final String STORE = "candidates";
    static final String PK = "pk";
    static final String SK = "sk";
    static final String LIST = "c";
    public static final int DEFAULT_SHARDS = 16;

    private final DynamoDbClient client;
    private final String table;
    private final int shards;
    private final Batches batches;

    public DynamoDbCandidateStore(DynamoDbClient client, String table) {
        this(client, table, DEFAULT_SHARDS);
    }

    public DynamoDbCandidateStore(DynamoDbClient client, String table, int shards) {
        if (shards < 1 || shards > 256) {
            throw new IllegalArgumentException("shards must be 1..256: " + shards);
        }
        this.client = client;
        this.table = table;
        this.shards = shards;
        this.batches = new Batches(client, STORE, table, Backoff.DEFAULT);
    }

    @Override
    public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> listsByKey) {
        // map keys are unique, so no batch names one item twice
        List<WriteRequest> writes = new ArrayList<>(listsByKey.size());
        listsByKey.forEach((key, list) -> {
            Map<String, AttributeValue> item = new HashMap<>(key(version, kind, key));
            item.put(LIST, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(CandidateListCodec.encode(list))));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        });
        batches.write(writes);
    }

    @Override
    public List<Candidate> get(String version, CandidateKind kind, String key) {
        // eventually consistent: a version is read only after it was fully written and then activated
        Map<String, AttributeValue> found = Calls.call(STORE, table, "GetItem",
                () -> client.getItem(b -> b.tableName(table).key(key(version, kind, key))).item());
        if (found == null || found.isEmpty()) {
            return List.of();
        }
        return CandidateListCodec.decode(found.get(LIST).b().asByteBuffer());
    }

    /** BatchGetItem, 100 keys a request, unprocessed keys retried: one round trip for a request's few lists. */
    @Override
    public Map<String, List<Candidate>> getAll(String version, CandidateKind kind, Collection<String> keys) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, List.of()));
        if (keys.isEmpty()) {
            return out;
        }
        String prefix = kind.name() + "#";
        for (Map<String, AttributeValue> a : batches.get(keys.stream().map(k -> key(version, kind, k)).toList())) {
            String sk = a.get(SK).s();
            if (sk.startsWith(prefix)) {
                out.put(sk.substring(prefix.length()), CandidateListCodec.decode(a.get(LIST).b().asByteBuffer()));
            }
        }
        return out;
    }

    @Override
    public void deleteVersion(String version) {
        for (int shard = 0; shard < shards; shard++) {
            String pk = partition(version, shard);
            // page by page, keys only: memory stays flat and the lists themselves need not travel
            Calls.run(STORE, table, "Query", () -> client.queryPaginator(b -> b.tableName(table)
                            .keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                            .expressionAttributeValues(Map.of(":pk", Attrs.s(pk)))
                            .projectionExpression("#pk, #sk"))
                    .forEach(page -> batches.write(page.items().stream()
                            .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build())
                            .toList())));
        }
    }

    private Map<String, AttributeValue> key(String version, CandidateKind kind, String key) {
        String sk = kind.name() + "#" + key;
        return Map.of(PK, Attrs.s(partition(version, shardOf(sk))), SK, Attrs.s(sk));
    }

    /** A fixed-width suffix, so no two (version, shard) pairs can spell the same partition key. */
    private static String partition(String version, int shard) {
        return version + "#" + HexFormat.of().toHexDigits((byte) shard);
    }

    /** CRC32C: specified, so every JVM and every language computes the same shard. */
    private int shardOf(String sortKey) {
        CRC32C crc = new CRC32C();
        crc.update(sortKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }
}
