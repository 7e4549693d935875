package dev.marquee.api.serving;

import java.util.List;

/**
 * What a list endpoint serves: the items, the model version they came from (null when none was readable), and the
 * degraded path that served them ({@code null} when the full path did), e.g. {@code features_unavailable,bundle_popularity}.
 */
public record ServedList(List<ListedItem> items, String modelVersion, String fallback) {
    public ServedList {
        items = List.copyOf(items);
    }
}
