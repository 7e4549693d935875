package dev.marquee.domain.features;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrendingDecayTest {
    private final TrendingDecay decay = new TrendingDecay(Duration.ofHours(1));

    @Test
    void aBumpReadAtItsOwnTimeKeepsItsWeight() {
        Instant t = Instant.parse("2026-05-05T05:05:05Z");
        long epoch = decay.epochOf(t);

        assertThat(decay.storedIncrement(3, t) * decay.readFactor(epoch, t)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void aBumpHalvesEveryHalfLife() {
        Instant t = Instant.parse("2026-05-05T05:00:00Z");
        long epoch = decay.epochOf(t);

        double later = decay.storedIncrement(8, t) * decay.readFactor(epoch, t.plus(Duration.ofHours(2)));
        assertThat(later).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void storedValuesStayBoundedAcrossAnEpoch() {
        Instant start = Instant.ofEpochMilli(decay.epochOf(Instant.parse("2026-05-05T00:00:00Z")) * Duration.ofHours(32).toMillis());
        Instant lastMoment = start.plus(Duration.ofHours(32)).minusMillis(1);

        assertThat(decay.epochOf(lastMoment)).isEqualTo(decay.epochOf(start));
        assertThat(decay.storedIncrement(1, lastMoment)).isLessThan(Math.pow(2, 32));
    }

    @Test
    void rejectsANonPositiveHalfLife() {
        assertThatThrownBy(() -> new TrendingDecay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
