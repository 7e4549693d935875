package dev.marquee.domain.users;

import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.validation.FieldRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a user profile as parsed from JSON ({@code PUT /v1/users/{user_id}}) into a {@link UserProfile}, or every
 * problem with it, field by field. Preferences are what a user picked at onboarding: favourite genres (the
 * catalog's genre rule) and seed items (item ids).
 */
public final class ProfileValidator {
    public static final int MAX_PREFERRED_GENRES = 50;
    public static final int MAX_SEED_ITEMS = 50;
    private static final Set<String> FIELDS = Set.of("user_id", "country", "device", "preferences", "attributes");
    private static final Set<String> PREFERENCE_FIELDS = Set.of("genres", "seed_items");
    private static final Map<String, String> LIKELY_TYPOS = Map.of("userId", "user_id", "id", "user_id",
            "prefs", "preferences", "seedItems", "seed_items", "seed_item_ids", "seed_items", "genre", "genres",
            "items", "seed_items");

    /** The outcome for one profile: exactly one of {@code profile} and {@code errors} is meaningful. */
    public record Result(UserProfile profile, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** {@code fields} are the JSON object's fields; an user_id among them must equal the one in the path. */
    public Result validate(String pathUserId, Map<String, ?> fields) {
        List<FieldError> errors = new ArrayList<>();
        FieldRules.unknownFields("", fields.keySet(), FIELDS, LIKELY_TYPOS, errors);
        String userId = FieldRules.requiredId("user_id", pathUserId, errors);
        Object bodyUserId = fields.get("user_id");
        if (userId != null && bodyUserId != null && !userId.equals(bodyUserId)) {
            errors.add(new FieldError("user_id", "in the body does not match the user_id in the path"));
        }
        String country = FieldRules.country("country", fields.get("country"), errors);
        String device = FieldRules.token("device", fields.get("device"), errors);
        Preferences preferences = preferences(fields.get("preferences"), errors);
        Map<String, String> attributes = FieldRules.attributes("attributes", fields.get("attributes"), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new UserProfile(userId, country, device, preferences, attributes), List.of());
    }

    private static Preferences preferences(Object value, List<FieldError> errors) {
        if (value == null) {
            return Preferences.NONE;
        }
        if (!(value instanceof Map<?, ?> prefs)) {
            errors.add(new FieldError("preferences", "must be an object with genres and seed_items"));
            return Preferences.NONE;
        }
        Set<String> present = new LinkedHashSet<>();
        prefs.keySet().forEach(k -> present.add(String.valueOf(k)));
        FieldRules.unknownFields("preferences", present, PREFERENCE_FIELDS, LIKELY_TYPOS, errors);
        List<String> genres = FieldRules.list("preferences.genres", prefs.get("genres"), MAX_PREFERRED_GENRES,
                (f, v, e) -> FieldRules.text(f, v, ItemValidator.MAX_GENRE, true, e), errors);
        List<String> seeds = FieldRules.list("preferences.seed_items", prefs.get("seed_items"), MAX_SEED_ITEMS,
                FieldRules::id, errors);
        return new Preferences(genres, seeds);
    }
}
