package dev.marquee.devtools;

import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryRanker;
import dev.marquee.adapters.onnx.OnnxRanker;
import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.ranking.FeatureExtractor;
import dev.marquee.domain.ranking.FeatureInputs;
import dev.marquee.domain.ranking.PortSignals;
import dev.marquee.domain.ranking.RankingQuery;
import dev.marquee.domain.synth.SyntheticDataset;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.refresh.ranker.HistoryModel;
import dev.marquee.refresh.ranker.RankerParams;
import dev.marquee.refresh.ranker.RankerStage;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage 2 in process: ranking {@code candidates} items per request (feature gathering from the in-memory feature
 * store and catalog, the shared feature extractor, ONNX Runtime with one intra-op thread) with a ranker trained on a
 * synthetic world, timed per request after a warm-up. Ends with one JSON line.
 */
final class RankBench {
    private RankBench() {
    }

    static int run(String[] args) {
        int candidates = 500;
        int requests = 3000;
        int threads = 1;
        RankerParams params = RankerParams.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--candidates" -> candidates = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--trees" -> params = params.withTrees(Integer.parseInt(args[++i]));
                case "--depth" -> params = params.withDepth(Integer.parseInt(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./marquee bench rank [--candidates 500] [--requests 3000] [--trees 100] [--depth 5] [--threads 1]

                            Trains a ranker on a synthetic world (3,000 items, 2,000 users), then times ranking CANDIDATES
                            candidates per request in process: features (in-memory feature store and catalog, the shared
                            extractor) + ONNX Runtime (THREADS intra-op threads). Prints p50/p99 and ends with
                            {"bench":"rank","candidates":N,"p50_ms":…,"p99_ms":…}.""");
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        PrintStream out = System.out;
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        out.println("generating a synthetic world (3,000 items, 2,000 users) and training the ranker...");
        SyntheticDataset world = SyntheticDataset.generate(new SyntheticDataset.Spec(3000, 2000, 40, end, Duration.ofDays(14), 42));
        Map<String, Item> catalog = world.items().stream().collect(Collectors.toMap(Item::itemId, Function.identity()));
        AlsParams als = new AlsParams(32, 8, 10, 10, 3, 42, Runtime.getRuntime().availableProcessors());
        // the model's shape (trees, depth, schema) is what serving pays for; a 200-candidate pool trains it faster
        RankerParams training = new RankerParams(params.trees(), params.depth(), params.eta(), params.minChildWeight(), 200,
                params.negatives(), params.grades(), params.seed(), params.threads());
        RankerStage.Result trained = RankerStage.train(world.events(), catalog, EventWeights.defaults(), als,
                training, 0.15, out).orElseThrow();

        InMemoryItemCatalog items = new InMemoryItemCatalog();
        items.putAll(world.items());
        Clock clock = Clock.fixed(end, ZoneOffset.UTC);
        InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofDays(3), clock);
        List<InteractionEvent> byTime = new ArrayList<>(world.events());
        byTime.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        for (InteractionEvent e : byTime) {
            features.addRecent(e.userId(), new RecentInteraction(e.itemId(), e.type(), e.timestamp()), 50);
            features.markSeen(e.userId(), e.itemId());
        }
        List<dev.marquee.domain.ranking.SignalTables.Past> past = new ArrayList<>();
        for (InteractionEvent e : world.events()) {
            past.add(new dev.marquee.domain.ranking.SignalTables.Past(e.userId(), e.itemId(),
                    EventWeights.defaults().weightOf(e), e.timestamp(), e.context().country()));
        }
        HistoryModel bundle = HistoryModel.fit(past, end, RankerStage.TREND_HALF_LIFE, als, candidates, catalog,
                java.util.function.UnaryOperator.identity());
        PortSignals signals = new PortSignals(bundle.signals(), features, items);

        List<RecommendationContext> contexts = new ArrayList<>();
        List<List<Recommendation>> lists = new ArrayList<>();
        for (UserProfile user : world.users()) {
            List<Candidate> pool = bundle.pools().get(user.userId());
            if (pool == null || pool.size() < candidates) {
                continue;
            }
            contexts.add(new RecommendationContext(new RecommendationRequest(user.userId(), "homepage", 25, user.country(),
                    user.device(), Set.of()), user, user.segment(), new HashSet<>(features.seen(user.userId())), "bench"));
            List<Recommendation> recs = new ArrayList<>(candidates);
            for (Candidate c : pool.subList(0, candidates)) {
                recs.add(new Recommendation(c.itemId(), c.score(), Reason.of(ReasonType.POPULAR_WITH_SIMILAR_USERS), "precomputed_cf"));
            }
            lists.add(recs);
        }
        if (contexts.isEmpty()) {
            System.err.println("no user has " + candidates + " candidates; lower --candidates");
            return 2;
        }
        out.printf(Locale.ROOT, "model: %d trees (%,d nodes), %s; %d users with %d candidates each%n",
                trained.model().ensemble().trees(), trained.model().ensemble().nodes(), "ranker.onnx "
                        + trained.onnx().length / 1024 + " KiB", contexts.size(), candidates);

        try (OnnxRanker onnx = new OnnxRanker(trained.onnx(), signals, clock, threads)) {
            Ranker embedded = new InMemoryRanker(trained.onnx(), signals, clock);
            breakdown(signals, onnx, contexts, lists, requests, out);
            // interleaved, so both rankers run under the same machine load
            double[][] ms = time(new Ranker[]{onnx, embedded}, contexts, lists, requests);
            out.printf(Locale.ROOT, "  %-55s p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    "features + ONNX Runtime, " + threads + " intra-op thread (OnnxRanker)", ms[0][0], ms[0][1], ms[0][2]);
            out.printf(Locale.ROOT, "  %-55s p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    "features + plain-Java trees (InMemoryRanker)", ms[1][0], ms[1][1], ms[1][2]);
            out.printf(Locale.ROOT, "(%,d requests each after as many warm-up ones; load average while measuring: %s)%n",
                    requests, loadAverage());
            out.printf(Locale.ROOT, "{\"bench\":\"rank\",\"candidates\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f}%n",
                    candidates, ms[0][0], ms[0][1]);
        }
        return 0;
    }

    /** Where the time goes: gathering the signals, extracting the rows, scoring them with ONNX Runtime. */
    private static void breakdown(PortSignals signals, OnnxRanker onnx, List<RecommendationContext> contexts,
                                  List<List<Recommendation>> lists, int n, PrintStream out) {
        FeatureExtractor extractor = new FeatureExtractor();
        int width = extractor.schema().width();
        long[][] nanos = new long[3][n];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                int k = i % contexts.size();
                RecommendationContext c = contexts.get(k);
                List<String> ids = lists.get(k).stream().map(Recommendation::itemId).toList();
                List<String> sources = lists.get(k).stream().map(Recommendation::source).toList();
                float[] rows = new float[ids.size() * width];
                long t0 = System.nanoTime();
                FeatureInputs in = signals.gather(c, ids);
                long t1 = System.nanoTime();
                extractor.extract(new RankingQuery(c.request().userId(), c.country(), c.segment().device(), "homepage",
                        Instant.parse("2026-11-01T00:00:00Z"), c.profile().preferences()), in, ids, sources, rows);
                long t2 = System.nanoTime();
                onnx.score(rows, ids.size(), new float[ids.size()]);
                long t3 = System.nanoTime();
                nanos[0][i] = t1 - t0;
                nanos[1][i] = t2 - t1;
                nanos[2][i] = t3 - t2;
            }
        }
        String[] labels = {"  gather signals (feature store + catalog look-ups)", "  extract feature rows", "  ONNX Runtime scoring"};
        for (int s = 0; s < 3; s++) {
            Arrays.sort(nanos[s]);
            out.printf(Locale.ROOT, "%-57s p50 %.3f ms  p99 %.3f ms%n", labels[s], nanos[s][n / 2] / 1e6,
                    nanos[s][Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
        }
    }

    /** p50, p99, max in milliseconds of {@code n} rank calls per ranker, interleaved, after a warm-up of the same size. */
    private static double[][] time(Ranker[] rankers, List<RecommendationContext> contexts, List<List<Recommendation>> lists, int n) {
        long[][] nanos = new long[rankers.length][n];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                int k = i % contexts.size();
                for (int r = 0; r < rankers.length; r++) {
                    long t0 = System.nanoTime();
                    List<Recommendation> ranked = rankers[r].rank(contexts.get(k), lists.get(k));
                    nanos[r][i] = System.nanoTime() - t0;
                    if (ranked.size() != lists.get(k).size()) {
                        throw new IllegalStateException("the ranker dropped candidates");
                    }
                }
            }
        }
        double[][] out = new double[rankers.length][];
        for (int r = 0; r < rankers.length; r++) {
            Arrays.sort(nanos[r]);
            out[r] = new double[]{nanos[r][n / 2] / 1e6, nanos[r][Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                    nanos[r][n - 1] / 1e6};
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3))
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
