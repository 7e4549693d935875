package dev.marquee.domain.popularity;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentPopularityTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private int seq;

    private InteractionEvent e(String item, EventType type, String country, String device) {
        return new InteractionEvent("e" + seq++, "u", item, type, T, null, null, null, new EventContext(device, country, null, null));
    }

    @Test
    void ranksItemsBySummedWeightWithinTheirSegmentAndItsParents() {
        SegmentPopularity p = new SegmentPopularity(EventWeights.defaults());
        p.add(e("a", EventType.COMPLETE, "US", "tv"));
        p.add(e("b", EventType.PLAY, "US", "tv"));
        p.add(e("b", EventType.PLAY, "US", "tv"));
        p.add(e("b", EventType.PLAY, "US", "tv"));
        p.add(e("c", EventType.PLAY, "GB", "tv"));

        Map<String, List<Candidate>> top = p.topLists(10);

        assertThat(top.get("US|tv")).extracting(Candidate::itemId).containsExactly("b", "a");
        assertThat(top.get("*|tv")).extracting(Candidate::itemId).containsExactly("b", "a", "c");
        assertThat(top.get("GB|*")).extracting(Candidate::itemId).containsExactly("c");
        assertThat(top.get("*|*")).extracting(Candidate::itemId).containsExactly("b", "a", "c");
    }

    @Test
    void negativeEventsPushAnItemOutOfTheList() {
        SegmentPopularity p = new SegmentPopularity(EventWeights.defaults());
        p.add(e("skipped", EventType.CLICK, "US", "tv"));
        p.add(e("skipped", EventType.DISLIKE, "US", "tv"));
        p.add(e("liked", EventType.LIKE, "US", "tv"));

        assertThat(p.topLists(10).get("US|tv")).extracting(Candidate::itemId).containsExactly("liked");
    }

    @Test
    void topListsAreCutToN() {
        SegmentPopularity p = new SegmentPopularity(EventWeights.defaults());
        for (int i = 0; i < 30; i++) {
            p.add(e("i" + i, EventType.PLAY, null, null));
        }

        assertThat(p.topLists(5).get("*|*")).hasSize(5);
    }
}
