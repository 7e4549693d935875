package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.api.serving.ListedItem;
import dev.marquee.api.serving.ServedList;

import java.util.List;

/** The wire form of the similar, trending and popular lists: what was asked, the items, the model version, the fallback. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListResponse(String itemId, String userId, String country, String segment, List<Entry> items,
                           String modelVersion, String fallback) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(String itemId, double score, String reason, String segment, String source) {
        static Entry of(ListedItem i) {
            return new Entry(i.itemId(), i.score(), i.reason(), i.segment(), i.source());
        }
    }

    static ListResponse of(ServedList list, String itemId, String userId, String country, String segment) {
        return new ListResponse(itemId, userId, country, segment, list.items().stream().map(Entry::of).toList(),
                list.modelVersion(), list.fallback());
    }
}
