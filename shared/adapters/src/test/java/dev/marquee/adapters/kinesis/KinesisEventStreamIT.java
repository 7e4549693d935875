package dev.marquee.adapters.kinesis;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.KinesaliteBackend;
import dev.marquee.testing.backend.KinesaliteClient;
import dev.marquee.testing.contract.EventStreamContract;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Kinesis stream against the same contract as the others, on kinesalite; a fresh 4-shard stream per test. */
class KinesisEventStreamIT extends EventStreamContract {
    static final String NO_NODE = "node and npm are not on the PATH, so kinesalite cannot run";
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final EventCodec CODEC = new EventCodec();
    private static KinesaliteBackend server;
    private static KinesaliteClient admin;
    private static KinesisJsonClient kinesis;

    private String streamName;

    @BeforeAll
    static void startServer() {
        if (!KinesaliteBackend.available()) {
            return; // each test is skipped in newStream(), so the report names every one and the reason
        }
        server = KinesaliteBackend.start();
        admin = server.client();
        kinesis = TestClients.kinesis(server.endpoint());
        System.out.printf("kinesalite started in %d ms at %s (pid %d)%n", server.startupTime().toMillis(), server.endpoint(), server.pid());
    }

    @AfterAll
    static void stopServer() {
        if (kinesis != null) {
            kinesis.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected EventStream newStream() {
        assumeTrue(server != null, NO_NODE);
        streamName = Fixtures.unique("events");
        admin.createStream(streamName, 4);
        return new KinesisEventStream(kinesis, streamName);
    }

    @Override
    protected List<InteractionEvent> delivered(int expected) {
        return records(expected).stream().map(r -> CODEC.decode(new String(r.data(), StandardCharsets.UTF_8))).toList();
    }

    /** Reads the whole stream until {@code expected} records are there or about 5 s passed. */
    private List<KinesaliteClient.Record> records(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<KinesaliteClient.Record> records = admin.records(streamName);
        while (records.size() < expected && System.nanoTime() < deadline) {
            records = admin.records(streamName);
        }
        return records;
    }

    @Test
    void theUserIdIsThePartitionKeySoAUsersEventsShareAShardInPublishOrder() {
        List<InteractionEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // three users, interleaved
            batch.add(Fixtures.event("user-" + (i % 3), "i" + i, EventType.CLICK, T0.plusSeconds(i)));
        }

        assertThat(stream.publish(batch)).isEmpty();

        List<KinesaliteClient.Record> records = records(30);
        assertThat(records).hasSize(30);
        Map<String, List<InteractionEvent>> byShard = new TreeMap<>();
        for (KinesaliteClient.Record r : records) {
            InteractionEvent e = CODEC.decode(new String(r.data(), StandardCharsets.UTF_8));
            assertThat(r.partitionKey()).isEqualTo(e.userId());
            byShard.computeIfAbsent(r.shardId(), k -> new ArrayList<>()).add(e);
        }
        for (int u = 0; u < 3; u++) {
            String user = "user-" + u;
            List<String> shards = byShard.entrySet().stream()
                    .filter(s -> s.getValue().stream().anyMatch(e -> e.userId().equals(user))).map(Map.Entry::getKey).toList();
            assertThat(shards).as("shards holding %s", user).hasSize(1);
            List<InteractionEvent> inShard = byShard.get(shards.getFirst()).stream().filter(e -> e.userId().equals(user)).toList();
            assertThat(inShard).as("%s's events in shard order", user)
                    .containsExactlyElementsOf(batch.stream().filter(e -> e.userId().equals(user)).toList());
        }
    }

    @Test
    void anEventOverOneMiBIsReturnedNotTakenAndTheOthersAreDelivered() {
        List<InteractionEvent> small = IntStream.range(0, 4).mapToObj(i -> Fixtures.event("u" + i, "i" + i, EventType.PLAY, T0)).toList();
        InteractionEvent oversized = withToken(Fixtures.event("u9", "i9", EventType.PLAY, T0), "y".repeat(1024 * 1024));
        List<InteractionEvent> all = new ArrayList<>(small);
        all.add(1, oversized);

        assertThat(stream.publish(all)).containsExactly(oversized);
        assertThat(delivered(4)).containsExactlyInAnyOrderElementsOf(small);
    }

    @Test
    void largeEventsAreSplitIntoRequestsKinesisAccepts() {
        // 12 x ~900 KiB: over 10 MiB in all, each alone under 1 MiB; one request would be refused
        String big = "x".repeat(900 * 1024);
        List<InteractionEvent> large = IntStream.range(0, 12)
                .mapToObj(i -> withToken(Fixtures.event("u" + i, "i" + i, EventType.PLAY, T0), big)).toList();

        assertThat(stream.publish(large)).isEmpty();
        assertThat(delivered(12)).containsExactlyInAnyOrderElementsOf(large);
    }

    @Test
    void aStreamThatDoesNotExistIsStoreUnavailable() {
        EventStream missing = new KinesisEventStream(kinesis, Fixtures.unique("missing"));
        InteractionEvent e = Fixtures.event("u1", "i1", EventType.CLICK, T0);

        assertThatThrownBy(() -> missing.publish(List.of(e)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("ResourceNotFoundException")
                .satisfies(x -> assertThat(((StoreUnavailableException) x).store()).isEqualTo("kinesis"));
    }

    private static InteractionEvent withToken(InteractionEvent e, String token) {
        return new InteractionEvent(e.eventId(), e.userId(), e.itemId(), e.type(), e.timestamp(), e.progressPct(), e.rating(),
                token, EventContext.EMPTY);
    }
}
