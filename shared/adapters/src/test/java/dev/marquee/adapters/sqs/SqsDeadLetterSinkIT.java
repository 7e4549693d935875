package dev.marquee.adapters.sqs;

import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeadLetterSink.DeadLetter;
import dev.marquee.testing.backend.ElasticMqBackend;
import dev.marquee.testing.contract.DeadLetterSinkContract;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The SQS dead-letter sink against the same contract as the local-folder one, on ElasticMQ. */
class SqsDeadLetterSinkIT extends DeadLetterSinkContract {
    private static ElasticMqBackend server;
    private static SqsClient sqs;
    private String queueUrl;

    @BeforeAll
    static void startServer() {
        server = ElasticMqBackend.start();
        sqs = server.client();
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
        server.close();
    }

    @Override
    protected DeadLetterSink newSink() {
        queueUrl = sqs.createQueue(b -> b.queueName(Fixtures.unique("dlq"))).queueUrl();
        return new SqsDeadLetterSink(sqs, queueUrl);
    }

    @Override
    protected List<DeadLetter> stored(int expected) {
        List<DeadLetter> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                out.add(SqsDeadLetterSink.decode(m.body()));
            }
        }
        return out;
    }
}
