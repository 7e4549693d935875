package dev.marquee.domain.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ranker's input row: feature names in column order, each with the value written when it is unknown. A model is
 * trained against one schema version and travels with it in the bundle; a build serves only the versions it knows
 * ({@link #known}), because only those does its {@link FeatureExtractor} compute. Any change to a feature's meaning,
 * order or default is a new version.
 */
public record FeatureSchema(String version, List<Feature> features) {

    /** One column: its name and the value used when the input is missing. */
    public record Feature(String name, float defaultValue) {
        public Feature {
            Objects.requireNonNull(name, "name");
        }
    }

    public static final FeatureSchema V1 = new FeatureSchema("ranker-features-v1", List.of(
            new Feature("cf_score", 0f),
            new Feature("cf_known", 0f),
            new Feature("recent_similarity_max", 0f),
            new Feature("recent_similarity_mean", 0f),
            new Feature("generator_cf", 0f),
            new Feature("generator_similar", 0f),
            new Feature("generator_popular", 0f),
            new Feature("generator_other", 0f),
            new Feature("popularity_global_log", 0f),
            new Feature("trend_global_log", 0f),
            new Feature("popularity_country_log", 0f),
            new Feature("trend_country_log", 0f),
            new Feature("item_age_days_log", -1f),
            new Feature("item_fresh", 0f),
            new Feature("genre_affinity_history", 0f),
            new Feature("genre_affinity_onboarding", 0f),
            new Feature("user_activity_log", 0f),
            new Feature("hour_sin", 0f),
            new Feature("hour_cos", 0f),
            new Feature("day_of_week", -1f),
            new Feature("device_tv", 0f),
            new Feature("device_mobile", 0f),
            new Feature("device_web", 0f),
            new Feature("surface_homepage", 0f),
            new Feature("surface_up_next", 0f),
            new Feature("surface_similar", 0f),
            new Feature("available_in_country", 1f)));

    private static final Map<String, FeatureSchema> KNOWN = Map.of(V1.version(), V1);

    public FeatureSchema {
        Objects.requireNonNull(version, "version");
        features = List.copyOf(features);
        Map<String, Integer> seen = new HashMap<>();
        for (Feature f : features) {
            if (seen.put(f.name(), seen.size()) != null) {
                throw new IllegalArgumentException("duplicate feature " + f.name());
            }
        }
    }

    /** The schema this build computes for {@code version}, if it knows it. */
    public static Optional<FeatureSchema> known(String version) {
        return Optional.ofNullable(KNOWN.get(version));
    }

    /**
     * The schema a model declares, if this build serves it: the version must be known and the declared names and
     * defaults must be exactly the known ones (a renamed or reordered column under an old version is refused too).
     */
    public static Optional<FeatureSchema> servable(FeatureSchema declared) {
        return known(declared.version()).filter(declared::equals);
    }

    public int width() {
        return features.size();
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(features.size());
        features.forEach(f -> names.add(f.name()));
        return names;
    }

    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + name + " in " + version);
    }

    /** The defaults, one per column, in order: a row before anything is known. */
    public float[] defaults() {
        float[] d = new float[features.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = features.get(i).defaultValue();
        }
        return d;
    }
}
