package dev.marquee.domain.catalog;

import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.validation.FieldRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one catalog item as parsed from JSON into an {@link Item}, or every problem with it, field by field. The
 * same rules hold for {@code PUT /v1/items/{item_id}} and for each line of a catalog import.
 */
public final class ItemValidator {
    public static final int MAX_TITLE = 500;
    public static final int MAX_GENRES = 20;
    public static final int MAX_GENRE = 64;
    public static final int MAX_TAGS = 200;
    public static final int MAX_TAG = 128;
    public static final int MAX_COUNTRIES = 250;
    private static final Set<String> FIELDS = Set.of("item_id", "title", "genres", "tags", "content_type",
            "released_at", "available_countries", "attributes");
    private static final Map<String, String> LIKELY_TYPOS = Map.ofEntries(
            Map.entry("itemId", "item_id"), Map.entry("id", "item_id"), Map.entry("name", "title"),
            Map.entry("genre", "genres"), Map.entry("cast", "tags"), Map.entry("contentType", "content_type"),
            Map.entry("type", "content_type"), Map.entry("releasedAt", "released_at"),
            Map.entry("release_date", "released_at"), Map.entry("released", "released_at"),
            Map.entry("countries", "available_countries"), Map.entry("availableCountries", "available_countries"));

    /** The outcome for one item: exactly one of {@code item} and {@code errors} is meaningful. */
    public record Result(Item item, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param pathItemId the id from the URL, or null when the id comes from the fields alone (imports); when both
     *                   are given they must agree
     * @param fields     the JSON object's fields: String, Number, Boolean, List and Map values
     */
    public Result validate(String pathItemId, Map<String, ?> fields) {
        List<FieldError> errors = new ArrayList<>();
        FieldRules.unknownFields("", fields.keySet(), FIELDS, LIKELY_TYPOS, errors);
        String itemId = itemId(pathItemId, fields.get("item_id"), errors);
        String title = FieldRules.text("title", fields.get("title"), MAX_TITLE, true, errors);
        List<String> genres = FieldRules.list("genres", fields.get("genres"), MAX_GENRES,
                (f, v, e) -> FieldRules.text(f, v, MAX_GENRE, true, e), errors);
        List<String> tags = FieldRules.list("tags", fields.get("tags"), MAX_TAGS,
                (f, v, e) -> FieldRules.text(f, v, MAX_TAG, true, e), errors);
        String contentType = FieldRules.token("content_type", fields.get("content_type"), errors);
        Instant releasedAt = FieldRules.instant("released_at", fields.get("released_at"), errors);
        List<String> countries = FieldRules.list("available_countries", fields.get("available_countries"), MAX_COUNTRIES,
                FieldRules::country, errors);
        Map<String, String> attributes = FieldRules.attributes("attributes", fields.get("attributes"), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Item(itemId, title, genres, tags, contentType, releasedAt, new HashSet<>(countries), attributes),
                List.of());
    }

    private static String itemId(String pathItemId, Object bodyItemId, List<FieldError> errors) {
        if (pathItemId == null) {
            return FieldRules.requiredId("item_id", bodyItemId, errors);
        }
        String id = FieldRules.requiredId("item_id", pathItemId, errors);
        if (id != null && bodyItemId != null && !id.equals(bodyItemId)) {
            errors.add(new FieldError("item_id", "in the body does not match the item_id in the path"));
            return null;
        }
        return id;
    }
}
