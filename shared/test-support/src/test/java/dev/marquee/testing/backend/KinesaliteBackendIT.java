package dev.marquee.testing.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Kinesalite starts, creates a stream, takes a record and hands it back, and a second start reuses the install. */
class KinesaliteBackendIT {

    @Test
    void aRecordPutIsReadBack() {
        assumeTrue(KinesaliteBackend.available(), "node and npm are not on the PATH, so kinesalite cannot run");
        long t0 = System.nanoTime();
        try (KinesaliteBackend kinesis = KinesaliteBackend.start()) {
            System.out.printf("kinesalite: start() %d ms (install included when it ran), node up in %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000, kinesis.startupTime().toMillis());
            KinesaliteClient client = kinesis.client();
            client.createStream("s1", 2);
            var body = new ObjectMapper().createObjectNode().put("StreamName", "s1");
            body.putArray("Records").addObject()
                    .put("Data", Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)))
                    .put("PartitionKey", "k1");
            assertThat(client.call("PutRecords", body).path("FailedRecordCount").asInt()).isZero();

            assertThat(client.streams()).contains("s1");
            assertThat(client.records("s1")).singleElement().satisfies(r -> {
                assertThat(r.partitionKey()).isEqualTo("k1");
                assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo("hello");
            });
        }
        assertThat(KinesaliteBackend.installDir().resolve(".installed-kinesalite-" + KinesaliteBackend.VERSION)).exists();
    }
}
