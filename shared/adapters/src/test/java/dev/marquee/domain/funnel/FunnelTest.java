package dev.marquee.domain.funnel;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.InMemoryUserProfiles;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel on the embedded adapters: segment fallbacks, seen and licensing rules, and every degraded path. */
class FunnelTest {
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), Clock.systemUTC());
    private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    private final InMemoryCandidateStore candidates = new InMemoryCandidateStore();
    private final InMemoryItemCatalog catalog = new InMemoryItemCatalog();
    private final FallbackPopularity fallback = new FallbackPopularity();

    private static Item item(String id, String... countries) {
        return new Item(id, id, List.of("drama"), List.of(), "movie", Instant.EPOCH, Set.of(countries), Map.of());
    }

    private static List<Candidate> list(String... ids) {
        return java.util.stream.IntStream.range(0, ids.length)
                .mapToObj(i -> new Candidate(ids[i], 10.0 - i, "popular_in_segment")).toList();
    }

    @BeforeEach
    void world() {
        catalog.putAll(List.of(item("a"), item("b"), item("c"), item("d"), item("us-only", "US"), item("x")));
        registry.activate(new ModelVersion("v1", Instant.EPOCH, Map.of()), null);
        candidates.putAll("v1", CandidateKind.SEGMENT, Map.of(
                "GB|tv", list("us-only", "a", "b"),
                "GB|*", list("b", "c"),
                "*|*", list("d", "a", "x")));
        profiles.put(new UserProfile("u1", "GB", "tv", Preferences.NONE, Map.of()));
        fallback.replace(List.of(item("x"), item("d")));
    }

    private Funnel funnel(ItemCatalog catalogToUse) {
        return funnel(features, registry, catalogToUse, List.of(new PopularInSegmentGenerator(candidates)));
    }

    private Funnel funnel(dev.marquee.domain.port.FeatureStore f, dev.marquee.domain.port.ModelRegistry r, ItemCatalog c,
                          List<CandidateGenerator> generators) {
        return new Funnel(profiles, f, r, c, generators, null,
                List.of(new RemoveSeenRule(), new ExcludeRule(), new AvailabilityRule()), fallback, FunnelSettings.DEFAULT, null,
                Clock.systemUTC());
    }

    private static RecommendationRequest request(String user, int limit) {
        return new RecommendationRequest(user, "homepage", limit, null, null, Set.of());
    }

    @Test
    void walksFromTheUsersSegmentToBroaderOnesAndDropsSeenAndUnlicensedItems() {
        features.markSeen("u1", "b");

        RecommendationList list = funnel(catalog).recommend(request("u1", 10));

        // us-only is not licensed in GB; b is seen; c comes from GB|*, d and x from the global list
        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("a", "c", "d", "x");
        assertThat(list.items().get(0).reason().detail()).isEqualTo("GB|tv");
        assertThat(list.items().get(1).reason().detail()).isEqualTo("GB|*");
        assertThat(list.fallback()).isNull();
        assertThat(list.modelVersion()).isEqualTo("v1");
    }

    @Test
    void requestCountryAndExclusionsOverrideTheProfile() {
        RecommendationList list = funnel(catalog).recommend(
                new RecommendationRequest("u1", "homepage", 2, "US", null, Set.of("d")));

        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("a", "x");
    }

    @Test
    void anUnknownUserGetsTheGlobalList() {
        assertThat(funnel(catalog).recommend(request("stranger", 3)).items())
                .extracting(Recommendation::itemId).containsExactly("d", "a", "x");
    }

    @Test
    void aFeatureStoreOutageDegradesToUnfilteredSeenAndSaysSo() {
        features.markSeen("u1", "a");
        Funnel f = funnel(new UnavailableFeatureStore(), registry, catalog, List.of(new PopularInSegmentGenerator(candidates)));

        RecommendationList list = f.recommend(request("u1", 2));

        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("a", "b");
        assertThat(list.fallback()).isEqualTo("features_unavailable");
    }

    @Test
    void aCatalogOutageServesTheInMemoryListRatherThanUncheckedItems() {
        RecommendationList list = funnel(new UnavailableCatalog()).recommend(request("u1", 5));

        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("x", "d");
        assertThat(list.items()).extracting(Recommendation::source).containsOnly(FallbackPopularity.SOURCE);
        assertThat(list.fallback()).isEqualTo("catalog_unavailable,static_popularity");
    }

    @Test
    void theFunnelWithoutACatalogLetsAvailabilityReadItsOwnAndNamesItsOutage() {
        Funnel plain = new Funnel(profiles, features, registry, List.of(new PopularInSegmentGenerator(candidates)),
                List.of(new RemoveSeenRule(), new AvailabilityRule(catalog)), fallback);
        Funnel down = new Funnel(profiles, features, registry, List.of(new PopularInSegmentGenerator(candidates)),
                List.of(new AvailabilityRule(new UnavailableCatalog())), fallback);

        assertThat(plain.recommend(request("u1", 10)).items()).extracting(Recommendation::itemId).containsExactly("a", "b", "c", "d", "x");
        assertThat(down.recommend(request("u1", 5)).fallback()).isEqualTo("catalog_unavailable,static_popularity");
    }

    @Test
    void withNoActiveModelTheInMemoryListServes() {
        InMemoryModelRegistry empty = new InMemoryModelRegistry();
        Funnel f = funnel(features, empty, catalog, List.of(new PopularInSegmentGenerator(candidates)));

        RecommendationList list = f.recommend(request("u1", 5));

        assertThat(list.items()).extracting(Recommendation::itemId).containsExactly("x", "d");
        assertThat(list.fallback()).isEqualTo("static_popularity");
        assertThat(list.modelVersion()).isNull();
    }

    /** A catalog whose backend is down. */
    private static final class UnavailableCatalog implements ItemCatalog {
        private static StoreUnavailableException down() {
            return new StoreUnavailableException("catalog", "throttled", null);
        }

        @Override public void put(Item item) { throw down(); }
        @Override public void putAll(Collection<Item> items) { throw down(); }
        @Override public Optional<Item> get(String itemId) { throw down(); }
        @Override public Map<String, Item> getAll(Collection<String> itemIds) { throw down(); }
        @Override public boolean delete(String itemId) { throw down(); }
        @Override public void forEach(Consumer<Item> visitor) { throw down(); }
    }

    @Test
    void personalisedGeneratorsComeFirstAndExplainThemselves() {
        candidates.putAll("v1", CandidateKind.USER, Map.of("u1", list("c", "b")));
        candidates.putAll("v1", CandidateKind.SIMILAR, Map.of("x", List.of(new Candidate("d", 0.9, "similar_items"), new Candidate("a", 0.5, "similar_items"))));
        features.addRecent("u1", new dev.marquee.domain.model.RecentInteraction("x", dev.marquee.domain.model.EventType.COMPLETE, Instant.EPOCH), 10);
        Funnel f = funnel(features, registry, catalog,
                List.of(new BecauseYouWatchedGenerator(candidates), new PrecomputedCandidatesGenerator(candidates),
                        new PopularInSegmentGenerator(candidates)));

        RecommendationList list = f.recommend(request("u1", 5));

        // blended by rank: each generator's first, then each one's second; "a" came from two and keeps both sources
        assertThat(list.items()).extracting(Recommendation::itemId).startsWith("d", "c", "a", "b");
        assertThat(list.items().get(0).reason().type()).isEqualTo(dev.marquee.domain.model.ReasonType.BECAUSE_YOU_WATCHED);
        assertThat(list.items().get(0).reason().relatedItemId()).isEqualTo("x");
        assertThat(list.items().get(1).reason().type()).isEqualTo(dev.marquee.domain.model.ReasonType.POPULAR_WITH_SIMILAR_USERS);
        assertThat(list.items().get(1).source()).isEqualTo(PrecomputedCandidatesGenerator.NAME);
        assertThat(list.items().get(2).sources()).containsExactly(BecauseYouWatchedGenerator.NAME, PopularInSegmentGenerator.NAME);
    }

    @Test
    void becauseYouWatchedIgnoresNegativeInteractionsAndTheAnchorsThemselves() {
        candidates.putAll("v1", CandidateKind.SIMILAR, Map.of(
                "skipped", List.of(new Candidate("a", 0.9, "similar_items")),
                "liked", List.of(new Candidate("skipped", 0.8, "similar_items"), new Candidate("b", 0.7, "similar_items"))));
        features.addRecent("u1", new dev.marquee.domain.model.RecentInteraction("liked", dev.marquee.domain.model.EventType.LIKE, Instant.EPOCH), 10);
        features.addRecent("u1", new dev.marquee.domain.model.RecentInteraction("skipped", dev.marquee.domain.model.EventType.SKIP, Instant.EPOCH), 10);

        List<Recommendation> out = new BecauseYouWatchedGenerator(candidates)
                .generate(new RecommendationContext(request("u1", 5), UserProfile.anonymous("u1"), new dev.marquee.domain.model.Segment(null, null),
                        Set.of(), "v1", features.recent("u1", 10), Instant.EPOCH), 10);

        // "skipped" is no anchor (a skip is negative); as a neighbour it may come back here: the seen rule, not the
        // generator, drops what the user already saw
        assertThat(out).extracting(Recommendation::itemId).containsExactly("skipped", "b");
        assertThat(out).allSatisfy(r -> assertThat(r.reason().relatedItemId()).isEqualTo("liked"));
    }
}
