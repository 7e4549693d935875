package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;

import java.util.List;

/** The wire form of a recommendation list: snake_case (named per class, so Lambda's own event mapping is untouched), absent values omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecommendationsResponse(
        String userId,
        List<Entry> items,
        String modelVersion,
        String variant,
        String trackingToken,
        String fallback) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(String itemId, double score, String reason, String becauseItemId, String segment, String source,
                        List<String> sources) {
        static Entry of(Recommendation r) {
            Reason reason = r.reason();
            return new Entry(r.itemId(), Math.round(r.score() * 1e6) / 1e6, reason.type().wireName(),
                    reason.relatedItemId(), reason.detail(), r.source(), r.sources().size() > 1 ? r.sources() : null);
        }
    }

    public static RecommendationsResponse of(RecommendationList list) {
        return new RecommendationsResponse(list.userId(), list.items().stream().map(Entry::of).toList(),
                list.modelVersion(), list.variant(), list.trackingToken(), list.fallback());
    }
}
