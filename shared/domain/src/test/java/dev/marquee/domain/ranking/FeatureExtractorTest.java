package dev.marquee.domain.ranking;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Preferences;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureExtractorTest {
    private static final FeatureSchema S = FeatureSchema.V1;
    private static final Instant NOW = Instant.parse("2026-06-03T18:00:00Z"); // a Wednesday

    private static float f(float[] row, String name) {
        return row[S.indexOf(name)];
    }

    private static float[] extract(RankingQuery q, FeatureInputs in, String item, String source) {
        float[] row = new float[S.width()];
        new FeatureExtractor().extract(q, in, List.of(item), java.util.Collections.singletonList(source), row);
        return row;
    }

    @Test
    void anUnknownUserAndItemGetTheSchemaDefaults() {
        SignalTables empty = new SignalTables(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        float[] row = extract(new RankingQuery("u", null, null, null, NOW, null), empty, "x", null);

        float[] defaults = S.defaults();
        for (String name : List.of("cf_score", "cf_known", "recent_similarity_max", "item_age_days_log",
                "popularity_global_log", "genre_affinity_history", "available_in_country", "device_tv")) {
            assertThat(f(row, name)).as(name).isEqualTo(defaults[S.indexOf(name)]);
        }
        assertThat(f(row, "generator_other")).isEqualTo(1f);
    }

    @Test
    void aKnownUserAndItemGetTheirSignals() {
        Item drama = new Item("i2", "t", List.of("drama", "crime"), List.of(), "movie", NOW.minusSeconds(86_400 * 10),
                Set.of("GB"), Map.of());
        Item recentDrama = new Item("i1", "t", List.of("drama"), List.of(), "movie", null, Set.of(), Map.of());
        SignalTables in = new SignalTables(
                Map.of("u", new float[]{1f, 2f}),
                Map.of("i1", new float[]{1f, 0f}, "i2", new float[]{0.5f, 0.5f}),
                Map.of("u", List.of("i1")), Map.of("u", 4L), Map.of("i1", recentDrama, "i2", drama),
                Map.of(SignalTables.GLOBAL, Map.of("i2", 9.0), "US", Map.of("i2", 3.0)),
                Map.of(SignalTables.GLOBAL, Map.of("i2", 1.0)));
        RankingQuery q = new RankingQuery("u", "US", "tv", "up_next", NOW, new Preferences(List.of("crime"), List.of()));

        float[] row = extract(q, in, "i2", "because_you_watched");

        assertThat(f(row, "cf_score")).isCloseTo(1.5f, within(1e-6f));
        assertThat(f(row, "cf_known")).isEqualTo(1f);
        assertThat(f(row, "recent_similarity_max")).isCloseTo((float) (0.5 / Math.sqrt(0.5)), within(1e-6f));
        assertThat(f(row, "generator_similar")).isEqualTo(1f);
        assertThat(f(row, "generator_cf")).isZero();
        assertThat(f(row, "popularity_global_log")).isCloseTo((float) Math.log(10), within(1e-6f));
        assertThat(f(row, "popularity_country_log")).isCloseTo((float) Math.log(4), within(1e-6f));
        assertThat(f(row, "item_age_days_log")).isCloseTo((float) Math.log(11), within(1e-5f));
        assertThat(f(row, "item_fresh")).isEqualTo(1f);
        assertThat(f(row, "genre_affinity_history")).isCloseTo(0.5f, within(1e-6f));
        assertThat(f(row, "genre_affinity_onboarding")).isCloseTo(0.5f, within(1e-6f));
        assertThat(f(row, "user_activity_log")).isCloseTo((float) Math.log(5), within(1e-6f));
        assertThat(f(row, "hour_cos")).isCloseTo(0f, within(1e-6f));
        assertThat(f(row, "hour_sin")).isCloseTo(-1f, within(1e-6f));
        assertThat(f(row, "day_of_week")).isEqualTo(2f);
        assertThat(f(row, "device_tv")).isEqualTo(1f);
        assertThat(f(row, "surface_up_next")).isEqualTo(1f);
        assertThat(f(row, "available_in_country")).as("licensed in GB only").isZero();
    }
}
