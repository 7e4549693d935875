package dev.marquee.adapters.kinesis;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.KinesaliteBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With kinesalite stopped, publishing is an outage the caller sees, not a silent loss. */
class KinesisOutageIT {

    @Test
    void publishingToAStoppedServerIsStoreUnavailable() {
        assumeTrue(KinesaliteBackend.available(), KinesisEventStreamIT.NO_NODE);
        KinesaliteBackend server = KinesaliteBackend.start();
        System.out.printf("kinesalite started in %d ms at %s%n", server.startupTime().toMillis(), server.endpoint());
        try (KinesisJsonClient kinesis = TestClients.kinesis(server.endpoint())) {
            String stream = Fixtures.unique("events");
            server.client().createStream(stream, 1);
            KinesisEventStream events = new KinesisEventStream(kinesis, stream, new EventCodec(),
                    new KinesisEventStream.Options(3, Duration.ofMillis(5), Duration.ofMillis(20)));
            var event = Fixtures.event("u1", "i1", EventType.PLAY, Instant.parse("2026-06-01T12:00:00Z"));
            assertThat(events.publish(List.of(event))).isEmpty();

            server.close();

            assertThatThrownBy(() -> events.publish(List.of(event)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("kinesis"));
        } finally {
            server.close();
        }
    }
}
