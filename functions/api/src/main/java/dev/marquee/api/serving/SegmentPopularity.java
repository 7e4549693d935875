package dev.marquee.api.serving;

import dev.marquee.domain.funnel.PopularInSegmentGenerator;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.port.CandidateStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model version's popularity lists for a segment, topped up from its broader parents (as the funnel's
 * popular-in-segment generator does), so a rare segment still gets a full list; each item names the segment it came from.
 */
public final class SegmentPopularity {
    private final CandidateStore candidates;

    public SegmentPopularity(CandidateStore candidates) {
        this.candidates = candidates;
    }

    public List<ListedItem> popular(String version, Segment segment, int limit) {
        Set<String> taken = new HashSet<>();
        List<ListedItem> out = new ArrayList<>(limit);
        String reason = ReasonType.POPULAR_WITH_SIMILAR_USERS.wireName();
        for (Segment s : segment.fallbacks()) {
            for (Candidate c : candidates.get(version, CandidateKind.SEGMENT, s.key())) {
                if (out.size() >= limit) {
                    return out;
                }
                if (taken.add(c.itemId())) {
                    out.add(new ListedItem(c.itemId(), c.score(), reason, s.key(), PopularInSegmentGenerator.NAME));
                }
            }
        }
        return out;
    }
}
