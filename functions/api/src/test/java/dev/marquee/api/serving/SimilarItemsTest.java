package dev.marquee.api.serving;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarItemsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCandidateStore candidates = new InMemoryCandidateStore();
    private final InMemoryItemCatalog catalog = new InMemoryItemCatalog();
    private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    private final InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), CLOCK);
    private final FallbackPopularity fallback = new FallbackPopularity();

    private static Item item(String id, String genre) {
        return new Item(id, id, List.of(genre), List.of(), "movie", null, Set.of(), Map.of());
    }

    @BeforeEach
    void world() {
        List<Item> items = List.of(item("a", "Comedy"), item("b", "Comedy"), item("c", "Drama"), item("d", "Drama"), item("new", "Drama"));
        catalog.putAll(items);
        candidates.putAll("v1", CandidateKind.SIMILAR, Map.of("a", List.of(new Candidate("b", 0.9, "s"), new Candidate("c", 0.5, "s"))));
        candidates.putAll("v1", CandidateKind.SEGMENT, Map.of("*|*", List.of(new Candidate("a", 4, "p"), new Candidate("c", 3, "p"),
                new Candidate("d", 2, "p"), new Candidate("b", 1, "p"))));
        registry.activate(new ModelVersion("v1", CLOCK.instant(), Map.of()), null);
        fallback.replace(items);
    }

    private SimilarItems similar(CandidateStore store) {
        return new SimilarItems(new ActiveModel(registry), store, catalog, features,
                new PopularCatalog(store, catalog, 100), fallback, ReadBudget.NONE);
    }

    @Test
    void theModelsNeighboursComeFirstWithoutWhatTheUserHasSeen() {
        features.markSeen("u", "b");

        ServedList list = similar(candidates).similar("a", "u", 10).orElseThrow();

        assertThat(list.items()).extracting(ListedItem::itemId).containsExactly("c");
        assertThat(list.fallback()).isNull();
        assertThat(list.modelVersion()).isEqualTo("v1");
    }

    @Test
    void anItemWithoutNeighboursGetsPopularItemsOfItsGenreNamedAsTheFallback() {
        ServedList list = similar(candidates).similar("new", null, 10).orElseThrow();

        assertThat(list.items()).extracting(ListedItem::itemId).containsExactly("c", "d");
        assertThat(list.fallback()).isEqualTo("content_same_genre");
    }

    @Test
    void anItemNeitherTheCatalogNorTheModelKnowsIsAbsent() {
        assertThat(similar(candidates).similar("ghost", null, 10)).isEmpty();
    }

    @Test
    void aCandidateStoreOutageIsNeverReportedAsAnUnknownItem() {
        CandidateStore down = new CandidateStore() {
            @Override
            public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> lists) {
                throw new StoreUnavailableException("candidates", "down", null);
            }

            @Override
            public List<Candidate> get(String version, CandidateKind kind, String key) {
                throw new StoreUnavailableException("candidates", "down", null);
            }

            @Override
            public void deleteVersion(String version) {
                throw new StoreUnavailableException("candidates", "down", null);
            }
        };

        ServedList list = similar(down).similar("a", null, 2).orElseThrow();

        assertThat(list.fallback()).isEqualTo("candidates_unavailable,popular_catalog_unavailable,static_popularity");
        assertThat(list.items()).extracting(ListedItem::itemId).containsExactly("b", "c");
    }

    @Test
    void aStoreSlowerThanTheReadBudgetIsNamedAndTheAnswerGoesOnWithoutIt() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CandidateStore slow = new CandidateStore() {
            @Override
            public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> lists) {
                candidates.putAll(version, kind, lists);
            }

            @Override
            public List<Candidate> get(String version, CandidateKind kind, String key) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return candidates.get(version, kind, key);
            }

            @Override
            public void deleteVersion(String version) {
                candidates.deleteVersion(version);
            }
        };
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            SimilarItems similar = new SimilarItems(new ActiveModel(registry), slow, catalog, features,
                    new PopularCatalog(slow, catalog, 100), fallback, new ReadBudget(executor, Duration.ofMillis(50)));

            ServedList list = similar.similar("a", null, 2).orElseThrow();
            release.countDown();

            assertThat(list.fallback()).isEqualTo("candidates_timeout,popular_catalog_timeout,static_popularity");
            assertThat(list.items()).extracting(ListedItem::itemId).containsExactly("b", "c");
        }
    }
}
