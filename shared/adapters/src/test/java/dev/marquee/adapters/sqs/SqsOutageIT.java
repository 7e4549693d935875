package dev.marquee.adapters.sqs;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.backend.ElasticMqBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With the SQS server stopped, publishing is an outage the caller sees, not a silent loss. */
class SqsOutageIT {

    @Test
    void publishingToAStoppedServerIsStoreUnavailable() {
        ElasticMqBackend server = ElasticMqBackend.start();
        System.out.printf("ElasticMQ started in %d ms at %s%n", server.startupTime().toMillis(), server.endpoint());
        try (SqsClient sqs = server.client()) {
            String queueUrl = sqs.createQueue(b -> b.queueName(Fixtures.unique("events"))).queueUrl();
            SqsEventStream stream = new SqsEventStream(sqs, queueUrl);
            var event = Fixtures.event("u1", "i1", EventType.PLAY, Instant.parse("2026-06-01T12:00:00Z"));
            assertThat(stream.publish(List.of(event))).isEmpty();

            server.close();

            assertThatThrownBy(() -> stream.publish(List.of(event)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("sqs"));
        } finally {
            server.close();
        }
    }
}
