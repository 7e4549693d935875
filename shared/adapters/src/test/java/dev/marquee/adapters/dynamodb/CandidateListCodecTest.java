package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Candidate;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateListCodecTest {

    @Test
    void fiveHundredCandidatesStayFarBelowTheItemLimit() {
        List<Candidate> big = IntStream.range(0, 500)
                .mapToObj(i -> new Candidate("item-with-a-longish-id-" + i, 1.0 - i / 1000.0, i % 2 == 0 ? "cf" : "cooc"))
                .toList();

        byte[] bytes = CandidateListCodec.encode(big);

        assertThat(bytes.length).isLessThan(20_000);
        assertThat(CandidateListCodec.decode(ByteBuffer.wrap(bytes))).containsExactlyElementsOf(big);
    }

    @Test
    void exactScoresMissingSourcesAndUnicodeIdsRoundTrip() {
        List<Candidate> odd = List.of(new Candidate("é-漢字-🎬", Math.PI, null), new Candidate("", -0.0, ""),
                new Candidate("x", Double.MIN_VALUE, "s".repeat(300)), new Candidate("y", Double.NaN, null));

        assertThat(CandidateListCodec.decode(ByteBuffer.wrap(CandidateListCodec.encode(odd)))).containsExactlyElementsOf(odd);
    }

    @Test
    void emptyListRoundTrips() {
        assertThat(CandidateListCodec.decode(ByteBuffer.wrap(CandidateListCodec.encode(List.of())))).isEmpty();
    }

    @Test
    void truncatedBytesAreRejectedNotMisread() {
        byte[] bytes = CandidateListCodec.encode(List.of(new Candidate("a", 1.0, "cf")));
        ByteBuffer truncated = ByteBuffer.wrap(bytes, 0, bytes.length - 3);

        assertThatThrownBy(() -> CandidateListCodec.decode(truncated)).isInstanceOf(IllegalStateException.class);
    }
}
