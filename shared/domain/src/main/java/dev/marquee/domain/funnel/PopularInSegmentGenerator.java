package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.port.CandidateStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Items popular with users like this one: the user's segment first (country x device), then its broader
 * parents until enough candidates are found, so a rare segment still gets a full list.
 */
public final class PopularInSegmentGenerator implements CandidateGenerator {
    public static final String NAME = "popular_in_segment";
    private final CandidateStore store;

    public PopularInSegmentGenerator(CandidateStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        if (context.modelVersion() == null) {
            return List.of();
        }
        Set<String> taken = new LinkedHashSet<>();
        List<Recommendation> out = new ArrayList<>();
        for (Segment segment : context.segment().fallbacks()) {
            for (Candidate c : store.get(context.modelVersion(), CandidateKind.SEGMENT, segment.key())) {
                if (out.size() >= max) {
                    return out;
                }
                if (taken.add(c.itemId())) {
                    out.add(new Recommendation(c.itemId(), c.score(),
                            new Reason(ReasonType.POPULAR_WITH_SIMILAR_USERS, null, segment.key()), NAME));
                }
            }
        }
        return out;
    }
}
