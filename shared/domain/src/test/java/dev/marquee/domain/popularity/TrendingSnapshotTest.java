package dev.marquee.domain.popularity;

import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Segment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendingSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private int ids;

    private InteractionEvent play(String item, String country, Duration ago) {
        return new InteractionEvent("e" + ids++, "u" + ids, item, EventType.PLAY, NOW.minus(ago), null, null, null,
                new EventContext("tv", country, null, null));
    }

    @Test
    void recentPlaysOutrankMoreButOlderPlaysPerCountryAndGlobally() {
        TrendingSnapshot t = new TrendingSnapshot(EventWeights.defaults(), new TrendingDecay(Duration.ofHours(24)), NOW);
        for (int n = 0; n < 3; n++) {
            t.add(play("old-hit", "US", Duration.ofDays(5)));
        }
        t.add(play("new-hit", "US", Duration.ofHours(1)));
        t.add(play("french", "FR", Duration.ofHours(2)));
        t.add(play("future", "US", Duration.ofHours(-1)));

        Map<String, List<Candidate>> lists = t.topLists(10);

        assertThat(lists.keySet()).containsExactlyInAnyOrder("US|*", "FR|*", Segment.GLOBAL.key());
        assertThat(lists.get("US|*")).extracting(Candidate::itemId).containsExactly("new-hit", "old-hit");
        assertThat(lists.get("FR|*")).extracting(Candidate::itemId).containsExactly("french");
        assertThat(lists.get(Segment.GLOBAL.key())).extracting(Candidate::itemId).containsExactly("new-hit", "french", "old-hit");
        double w = EventWeights.defaults().weightOf(EventType.PLAY);
        // five days at a one-day half-life: each old play is worth 1/32 of a fresh one
        assertThat(lists.get("US|*").get(1).score()).isCloseTo(3 * w / 32, within(1e-9));
        assertThat(lists.get("US|*").get(0).source()).isEqualTo(TrendingSnapshot.SOURCE);
    }
}
