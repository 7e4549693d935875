package dev.marquee.testing.contract;

import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeadLetterSink.DeadLetter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link DeadLetterSink} must do. Subclasses return a fresh sink and read back what it stored. */
public abstract class DeadLetterSinkContract {
    protected DeadLetterSink sink;

    protected abstract DeadLetterSink newSink();

    /** Everything stored so far, in any order, waiting up to a few seconds for {@code expected} of them. */
    protected abstract List<DeadLetter> stored(int expected);

    @BeforeEach
    void createSink() {
        sink = newSink();
    }

    @Test
    void aDeadLetterKeepsItsPayloadSourceRecordAndReason() {
        DeadLetter letter = new DeadLetter("aws:sqs", "msg-1", "{\"user_id\":\"u1\",\"event_type\":\"binge\"}",
                "event_type must be one of impression, click, ...");

        sink.send(List.of(letter));

        assertThat(stored(1)).containsExactly(letter);
    }

    @Test
    void payloadsThatAreNotJsonOrNotTextSurvive() {
        DeadLetter garbage = new DeadLetter("aws:kinesis", "4959001", "\u0000\u00ff not json \"quoted\" \n newline", "not JSON");

        sink.send(List.of(garbage));

        assertThat(stored(1)).containsExactly(garbage);
    }

    @Test
    void aLargeBatchIsStoredWhole() {
        List<DeadLetter> many = IntStream.range(0, 25)
                .mapToObj(i -> new DeadLetter("aws:sqs", "m-" + i, "payload " + i, "reason " + i)).toList();

        sink.send(many);

        assertThat(stored(25)).containsExactlyInAnyOrderElementsOf(many);
    }
}
