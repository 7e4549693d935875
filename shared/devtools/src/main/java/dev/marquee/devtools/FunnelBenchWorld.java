package dev.marquee.devtools;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.InMemoryUserProfiles;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.funnel.EmbeddingIndex;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.popularity.SegmentPopularity;
import dev.marquee.domain.synth.SyntheticDataset;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.ImplicitAls;
import dev.marquee.domain.training.InteractionMatrix;
import dev.marquee.domain.training.Ranked;
import dev.marquee.domain.training.SimilarItems;
import dev.marquee.domain.training.UserCandidates;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The in-memory world the funnel bench serves from: a synthetic catalog, users and events of MovieLens
 * latest-small's size, real-time features replayed from the events, and a model version trained on them here
 * (implicit ALS: per-user candidates, similar items, item and user vectors; segment popularity).
 */
final class FunnelBenchWorld {
    static final String VERSION = "bench";
    final Clock clock;
    final InMemoryItemCatalog catalog = new InMemoryItemCatalog();
    final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    final InMemoryFeatureStore features;
    final InMemoryCandidateStore candidates = new InMemoryCandidateStore();
    final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    final CatalogIndex catalogIndex = new CatalogIndex();
    final FallbackPopularity fallback = new FallbackPopularity();
    final List<String> warmUsers = new ArrayList<>();
    final List<String> coldUsers = new ArrayList<>();
    EmbeddingIndex vectors;

    private FunnelBenchWorld(Clock clock) {
        this.clock = clock;
        this.features = new InMemoryFeatureStore(Duration.ofHours(6), clock);
    }

    static FunnelBenchWorld build(int items, int users, int meanEvents, int factors, PrintStream out) {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        FunnelBenchWorld w = new FunnelBenchWorld(Clock.fixed(now, java.time.ZoneOffset.UTC));
        long t0 = System.nanoTime();
        SyntheticDataset data = SyntheticDataset.generate(new SyntheticDataset.Spec(items, users, meanEvents, now, Duration.ofDays(14), 42));
        out.printf(Locale.ROOT, "world: %,d items, %,d users, %,d events (synthetic, MovieLens latest-small size)%n",
                data.items().size(), data.users().size(), data.events().size());
        w.catalog.putAll(data.items());
        w.catalogIndex.replace(data.items());
        data.users().forEach(u -> {
            w.profiles.put(u);
            w.warmUsers.add(u.userId());
        });
        for (int c = 0; c < Math.max(1, users / 10); c++) {
            String id = "cold-" + c;
            String genre = SyntheticDataset.GENRES.get(c % SyntheticDataset.GENRES.size());
            w.profiles.put(new UserProfile(id, SyntheticDataset.COUNTRIES.get(c % SyntheticDataset.COUNTRIES.size()), "tv",
                    new Preferences(List.of(genre), List.of(data.items().get(c % 50).itemId())), Map.of()));
            w.coldUsers.add(id);
        }
        EventWeights weights = EventWeights.defaults();
        SegmentPopularity popularity = new SegmentPopularity(weights);
        List<InteractionEvent> events = data.events().stream().sorted(Comparator.comparing(InteractionEvent::timestamp)).toList();
        for (InteractionEvent e : events) {
            w.features.addRecent(e.userId(), new RecentInteraction(e.itemId(), e.type(), e.timestamp()), 100);
            w.features.markSeen(e.userId(), e.itemId());
            if (e.context().country() != null) {
                w.features.bumpTrending(e.context().country(), e.itemId(), weights.weightOf(e), e.timestamp());
            }
            popularity.add(e);
        }
        out.printf(Locale.ROOT, "features replayed in %.1fs%n", (System.nanoTime() - t0) / 1e9);
        w.train(data, events, weights, popularity, factors, out);
        return w;
    }

    private void train(SyntheticDataset data, List<InteractionEvent> events, EventWeights weights, SegmentPopularity popularity,
                       int factors, PrintStream out) {
        long t0 = System.nanoTime();
        Map<String, Integer> userRow = new LinkedHashMap<>();
        Map<String, Integer> itemRow = new LinkedHashMap<>();
        data.users().forEach(u -> userRow.put(u.userId(), userRow.size()));
        data.items().forEach(i -> itemRow.put(i.itemId(), itemRow.size()));
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(userRow.size(), itemRow.size());
        for (InteractionEvent e : events) {
            double weight = weights.weightOf(e);
            if (weight > 0) {
                b.add(userRow.get(e.userId()), itemRow.get(e.itemId()), weight);
            }
        }
        InteractionMatrix matrix = b.build();
        AlsParams params = new AlsParams(factors, 8, 20, 10, 3, 42, Runtime.getRuntime().availableProcessors());
        Factors f = ImplicitAls.train(matrix, params, (done, total, loss, secs) ->
                out.printf(Locale.ROOT, "  ials iteration %d/%d  %.1fs%n", done, total, secs));
        List<String> userIds = new ArrayList<>(userRow.keySet());
        List<String> itemIds = new ArrayList<>(itemRow.keySet());
        candidates.putAll(VERSION, CandidateKind.USER, lists(UserCandidates.compute(f, matrix, 500), userIds, itemIds, "ials"));
        candidates.putAll(VERSION, CandidateKind.SIMILAR, lists(SimilarItems.compute(f, 50), itemIds, itemIds, "similar_items"));
        Map<String, List<Candidate>> segments = popularity.topLists(500);
        candidates.putAll(VERSION, CandidateKind.SEGMENT, segments);
        vectors = new EmbeddingIndex(f.k(), itemIds, f.items(), userIds, f.users());
        registry.activate(new ModelVersion(VERSION, clock.instant(), Map.of()), null);
        Map<String, Item> byId = new HashMap<>();
        data.items().forEach(i -> byId.put(i.itemId(), i));
        fallback.replace(segments.getOrDefault(Segment.GLOBAL.key(), List.of()).stream()
                .map(c -> byId.get(c.itemId())).filter(Objects::nonNull).toList());
        out.printf(Locale.ROOT, "model trained and loaded in %.1fs: %d factors, %,d user lists, %,d similar-item lists, %,d segments%n",
                (System.nanoTime() - t0) / 1e9, f.k(), userIds.size(), itemIds.size(), segments.size());
    }

    private static Map<String, List<Candidate>> lists(Ranked[] ranked, List<String> keys, List<String> itemIds, String source) {
        Map<String, List<Candidate>> out = new HashMap<>();
        for (int r = 0; r < ranked.length; r++) {
            Ranked row = ranked[r];
            List<Candidate> l = new ArrayList<>(row.size());
            for (int n = 0; n < row.size(); n++) {
                l.add(new Candidate(itemIds.get(row.items()[n]), row.scores()[n], source));
            }
            if (!l.isEmpty()) {
                out.put(keys.get(r), l);
            }
        }
        return out;
    }
}
