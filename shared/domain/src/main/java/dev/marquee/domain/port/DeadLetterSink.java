package dev.marquee.domain.port;

import java.util.List;

/**
 * Where records that can never succeed (undecodable, invalid) go, with the reason, instead of being retried
 * forever or dropped silently: an SQS dead-letter queue in AWS, a local folder or memory locally.
 */
public interface DeadLetterSink {

    record DeadLetter(String source, String recordId, String payload, String reason) {
    }

    /** Stores them durably; throws {@link StoreUnavailableException} when it cannot. */
    void send(List<DeadLetter> letters);
}
