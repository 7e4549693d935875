package dev.marquee.domain.ranking;

import dev.marquee.domain.model.Item;

import java.util.List;

/**
 * What the {@link FeatureExtractor} reads, and nothing else: the trainer fills it from the lake and the bundle's
 * factors as of a cut-off time, the api from its ports (catalog, feature store) and the active bundle. Unknown values
 * are null or zero; the extractor then writes the schema's defaults.
 */
public interface FeatureInputs {

    /** The user's CF factors, or null (a user the model has not seen). */
    float[] userFactors(String userId);

    /** The item's CF factors, or null. */
    float[] itemFactors(String itemId);

    /** The user's most recent items, newest first, at most {@code limit}. */
    List<String> recentItems(String userId, int limit);

    /** How many interactions the user has (activity level). */
    long activity(String userId);

    /** The item's metadata, or null when the catalog does not know it. */
    Item item(String itemId);

    /** Engagement weight of the item, in {@code country} or everywhere when country is null; 0 if unknown. */
    double popularity(String itemId, String country);

    /** Time-decayed recent engagement of the item, in {@code country} or everywhere when null; 0 if unknown. */
    double trend(String itemId, String country);
}
