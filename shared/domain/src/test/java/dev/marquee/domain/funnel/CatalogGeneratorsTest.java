package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.CandidateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.marquee.domain.funnel.Fixtures.NOW;
import static dev.marquee.domain.funnel.Fixtures.context;
import static dev.marquee.domain.funnel.Fixtures.ids;
import static dev.marquee.domain.funnel.Fixtures.item;
import static dev.marquee.domain.funnel.Fixtures.withPreferences;
import static org.assertj.core.api.Assertions.assertThat;

/** The generators that read the in-memory catalog index: new releases and onboarding preferences (cold start). */
class CatalogGeneratorsTest {
    private final Item future = new Item("future", "f", List.of("drama"), List.of(), "movie", NOW.plus(Duration.ofDays(3)), Set.of(), Map.of());
    private final CatalogIndex catalog = CatalogIndex.of(List.of(item("d1", "drama", 1), item("c2", "comedy", 2),
            item("us3", "comedy", 3, "US"), item("h10", "horror", 10), item("c400", "comedy", 400), future));
    private final MapCandidateStore store = new MapCandidateStore();

    /** A candidate store held in a map. */
    static final class MapCandidateStore implements CandidateStore {
        final Map<String, List<Candidate>> lists = new HashMap<>();

        @Override
        public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> listsByKey) {
            listsByKey.forEach((k, v) -> lists.put(version + "/" + kind + "/" + k, v));
        }

        @Override
        public List<Candidate> get(String version, CandidateKind kind, String key) {
            return lists.getOrDefault(version + "/" + kind + "/" + key, List.of());
        }

        @Override
        public void deleteVersion(String version) {
            lists.keySet().removeIf(k -> k.startsWith(version + "/"));
        }
    }

    @Test
    void newReleasesAreTheNewestAvailableUnseenItemsWithinTheAgeLimitNoneFromTheFuture() {
        RecommendationContext gb = context(new RecommendationRequest("u1", "homepage", 10, "GB", null, Set.of()), Set.of("c2"), List.of());

        List<Recommendation> out = new NewReleasesGenerator(catalog, Duration.ofDays(30)).generate(gb, 10);

        assertThat(ids(out)).containsExactly("d1", "h10");
        assertThat(out).allSatisfy(r -> assertThat(r.reason().type()).isEqualTo(ReasonType.NEW_RELEASE));
        assertThat(out.get(0).score()).isGreaterThan(out.get(1).score());
    }

    @Test
    void aColdUserGetsSeedNeighboursAndPopularItemsOfTheirGenresExplainedByThem() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("seed", List.of(new Candidate("s1", 0.9, "sim"), new Candidate("s2", 0.8, "sim"))));
        store.putAll("v1", CandidateKind.SEGMENT, Map.of("GB|*", List.of(new Candidate("h10", 9, "pop"), new Candidate("c2", 8, "pop"),
                new Candidate("d1", 7, "pop"), new Candidate("c400", 6, "pop"))));
        RecommendationContext cold = context(new RecommendationRequest("new-user", "homepage", 10, null, null, Set.of()),
                withPreferences("new-user", List.of("Comedy"), List.of("seed")), Set.of(), List.of());

        List<Recommendation> out = new OnboardingPreferenceGenerator(catalog, store, 3).generate(cold, 10);

        assertThat(ids(out)).containsExactly("s1", "c2", "s2", "c400");
        assertThat(out).allSatisfy(r -> assertThat(r.reason().type()).isEqualTo(ReasonType.ONBOARDING_PREFERENCE));
        assertThat(out.get(0).reason().relatedItemId()).isEqualTo("seed");
        assertThat(out.get(1).reason().detail()).isEqualTo("comedy");
    }

    @Test
    void withoutAnActiveModelTheNewestItemsOfTheGenresServe() {
        RecommendationContext cold = new RecommendationContext(new RecommendationRequest("n", "homepage", 5, null, null, Set.of()),
                withPreferences("n", List.of("comedy"), List.of()), new dev.marquee.domain.model.Segment("GB", null), Set.of(), null,
                List.of(), NOW);

        assertThat(ids(new OnboardingPreferenceGenerator(catalog, store, 3).generate(cold, 5))).containsExactly("c2", "us3", "c400");
    }

    @Test
    void onboardingStepsAsideOnceEnoughEventsArrive() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("seed", List.of(new Candidate("s1", 0.9, "sim"))));
        List<RecentInteraction> three = List.of(new RecentInteraction("a", EventType.PLAY, Instant.EPOCH),
                new RecentInteraction("b", EventType.PLAY, Instant.EPOCH), new RecentInteraction("c", EventType.PLAY, Instant.EPOCH));
        var prefs = withPreferences("u", List.of("comedy"), List.of("seed"));
        OnboardingPreferenceGenerator g = new OnboardingPreferenceGenerator(catalog, store, 3);

        assertThat(g.generate(context(new RecommendationRequest("u", "homepage", 5, null, null, Set.of()), prefs, Set.of("a"), three.subList(0, 2)), 5))
                .isNotEmpty();
        assertThat(g.generate(context(new RecommendationRequest("u", "homepage", 5, null, null, Set.of()), prefs, Set.of("a"), three), 5))
                .isEmpty();
    }

    @Test
    void aUserWithoutPreferencesGetsNothingFromOnboarding() {
        assertThat(new OnboardingPreferenceGenerator(catalog, store, 3).generate(context(5), 5)).isEmpty();
    }
}
