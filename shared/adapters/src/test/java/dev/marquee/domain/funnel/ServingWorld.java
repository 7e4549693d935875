package dev.marquee.domain.funnel;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.InMemoryUserProfiles;
import dev.marquee.domain.experiment.FunnelFactory;
import dev.marquee.domain.experiment.VariantSpec;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.Ranker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/** A small world on the embedded adapters for whole-funnel tests: 40 items, a model version with popularity. */
final class ServingWorld implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    final InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), clock);
    final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    final InMemoryCandidateStore candidates = new InMemoryCandidateStore();
    final InMemoryItemCatalog catalog = new InMemoryItemCatalog();
    final FallbackPopularity fallback = new FallbackPopularity();
    final CatalogIndex index = new CatalogIndex();
    /** Budgets far above what these calls take, so no test depends on the machine's speed. */
    static final FunnelSettings SETTINGS = new FunnelSettings("default", 200, 500, new FunnelSettings.Budgets(
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10)));
    final ExecutorService executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    ServingWorld() {
        List<Item> items = IntStream.range(0, 40).mapToObj(i -> new Item("i" + i, "Item " + i,
                List.of(i % 2 == 0 ? "comedy" : "drama"), List.of(), "movie", NOW.minus(Duration.ofDays(10L * i + 1)), Set.of(), Map.of())).toList();
        catalog.putAll(items);
        index.replace(items);
        registry.activate(new ModelVersion("v1", NOW, Map.of()), null);
        candidates.putAll("v1", CandidateKind.SEGMENT, Map.of("*|*",
                IntStream.range(0, 40).mapToObj(i -> new Candidate("i" + (39 - i), 100 - i, "pop")).toList()));
        fallback.replace(items.subList(0, 5));
    }

    FunnelFactory factory(Ranker ranker, CandidateGenerator... extra) {
        return new FunnelFactory(new FunnelFactory.Parts(profiles, features, registry, catalog, candidates, index,
                v -> java.util.Optional.empty(), ranker, fallback, executor, clock, Duration.ofDays(365), 3, Duration.ZERO));
    }

    Funnel funnel(List<String> generators, List<String> rules) {
        return factory(null).build(new VariantSpec("default", 1, generators, rules, false, VariantSpec.RuleParams.DEFAULT),
                SETTINGS);
    }

    Funnel funnel(List<CandidateGenerator> generators, FunnelSettings settings) {
        return new Funnel(profiles, features, registry, catalog, generators, null, List.of(new RemoveSeenRule(), new AvailabilityRule()),
                fallback, settings, executor, clock);
    }

    static RecommendationRequest request(String user, int limit) {
        return new RecommendationRequest(user, "homepage", limit, null, null, Set.of());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
