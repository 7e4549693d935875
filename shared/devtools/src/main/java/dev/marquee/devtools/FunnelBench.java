package dev.marquee.devtools;

import dev.marquee.domain.experiment.FunnelFactory;
import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.experiment.VariantSpec;
import dev.marquee.domain.funnel.CandidateMerger;
import dev.marquee.domain.funnel.EmbeddingSource;
import dev.marquee.domain.funnel.FunnelSettings;
import dev.marquee.domain.funnel.ItemFilter;
import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.tracking.TrackingTokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The funnel in process, stores in memory: every generator (concurrently, on virtual threads, under the default
 * budgets) and every rule, for warm users and cold ones, one request at a time. Prints the latency distribution and
 * ends with one JSON line. The learned ranker is not in this loop (stage 3 is the ONNX ranker's own bench).
 */
final class FunnelBench {
    private FunnelBench() {
    }

    static int run(String[] args) {
        int requests = 20_000;
        int warmup = 10_000;
        int limit = 25;
        int maxCandidates = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./marquee bench funnel [--requests 20000] [--warmup 10000] [--limit 25]

                            Builds a synthetic world of MovieLens latest-small's size (9,742 items, 610 users, ~100k events) in the
                            embedded stores, trains a model on it, then runs the whole funnel in this process (7 generators
                            concurrently, up to 500 merged candidates, 8 rules) one request at a time for warm and cold users.
                            Prints p50/p90/p99/max and ends with {"bench":"funnel","candidates":500,"limit":25,"p50_ms":...,"p99_ms":...}.""");
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        FunnelBenchWorld w = FunnelBenchWorld.build(9_742, 610, 165, 64, System.out);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            FunnelFactory factory = new FunnelFactory(new FunnelFactory.Parts(w.profiles, w.features, w.registry, w.catalog, w.candidates,
                    w.catalogIndex, EmbeddingSource.fixed(w.vectors), null, w.fallback, executor, w.clock, Duration.ofDays(365), 3, Duration.ofSeconds(1)));
            VariantSpec.RuleParams params = new VariantSpec.RuleParams(2, 5, 0.3, Duration.ofDays(30), 0.08, Duration.ofDays(90),
                    ItemFilter.parse("content_type:series"), 0.04);
            VariantSpec all = new VariantSpec("default", 1, FunnelFactory.GENERATORS, FunnelFactory.RULES, false, params);
            FunnelSettings settings = new FunnelSettings("default", 200, maxCandidates, FunnelSettings.Budgets.DEFAULT);
            Recommender recommender = factory.recommender("bench", List.of(all), settings, new TrackingTokens(secret, w.clock, Duration.ofDays(30)));
            System.out.printf(Locale.ROOT, "warm-up: %,d requests...%n", warmup);
            drive(recommender, w, warmup, limit, null);
            printStageCosts(factory, all, w, limit);
            System.out.printf(Locale.ROOT, "measuring: %,d requests (1 in 10 from a cold user)...%n", requests);
            long[] nanos = new long[requests];
            int degraded = drive(recommender, w, requests, limit, nanos);
            Arrays.sort(nanos);
            double p50 = ms(nanos, 0.50);
            double p99 = ms(nanos, 0.99);
            System.out.printf(Locale.ROOT, "funnel latency: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  (%d degraded answers)%n",
                    p50, ms(nanos, 0.90), p99, nanos[nanos.length - 1] / 1e6, degraded);
            // the tail is the machine's as much as the funnel's: say how busy it was
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f while measuring%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "{\"bench\":\"funnel\",\"candidates\":%d,\"limit\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f}%n",
                    maxCandidates, limit, p50, p99);
        }
        return 0;
    }

    /** Runs {@code n} requests round-robin over warm and cold users; records each latency when {@code nanos} is given. */
    private static int drive(Recommender recommender, FunnelBenchWorld w, int n, int limit, long[] nanos) {
        int degraded = 0;
        for (int i = 0; i < n; i++) {
            String user = i % 10 == 9 ? w.coldUsers.get(i % w.coldUsers.size()) : w.warmUsers.get(i % w.warmUsers.size());
            RecommendationRequest request = new RecommendationRequest(user, "homepage", limit, null, null, Set.of());
            long t0 = System.nanoTime();
            RecommendationList list = recommender.recommend(request);
            long took = System.nanoTime() - t0;
            if (nanos != null) {
                nanos[i] = took;
                if (list.fallback() != null) {
                    degraded++;
                }
            }
            if (list.items().isEmpty()) {
                throw new IllegalStateException("empty answer for " + user);
            }
        }
        return degraded;
    }

    /**
     * What each stage costs on its own, run in turn on this thread for a sample of warm users (mean microseconds), and
     * how many distinct candidates the generators propose per request (what the ranker would score).
     */
    private static void printStageCosts(FunnelFactory factory, VariantSpec spec, FunnelBenchWorld w, int limit) {
        var funnel = factory.build(spec, FunnelSettings.DEFAULT);
        java.util.Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        long candidates = 0;
        int sampled = 0;
        java.util.Map<String, dev.marquee.domain.funnel.CandidateGenerator> generators = new java.util.LinkedHashMap<>();
        spec.generators().forEach(name -> generators.put(name, factory.generator(name)));
        java.util.Map<String, dev.marquee.domain.funnel.ReRankRule> rules = new java.util.LinkedHashMap<>();
        spec.rules().forEach(name -> rules.put(name, factory.rule(name, spec.params())));
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < w.warmUsers.size(); i += 5) {
                String user = w.warmUsers.get(i);
                UserProfile profile = w.profiles.get(user).orElseThrow();
                RecommendationContext ctx = new RecommendationContext(new RecommendationRequest(user, "homepage", limit, null, null, Set.of()),
                        profile, new Segment(profile.country(), profile.device()), w.features.seen(user), FunnelBenchWorld.VERSION,
                        w.features.recent(user, 50), w.clock.instant());
                List<List<Recommendation>> lists = new ArrayList<>();
                for (String name : spec.generators()) {
                    long t0 = cpu();
                    lists.add(generators.get(name).generate(ctx, 200));
                    nanos.merge("generator " + name, cpu() - t0, Long::sum);
                }
                long t0 = cpu();
                List<Recommendation> merged = CandidateMerger.merge(lists, 500);
                nanos.merge("merge", cpu() - t0, Long::sum);
                t0 = cpu();
                var items = w.catalog.getAll(merged.stream().map(Recommendation::itemId).toList());
                nanos.merge("catalog entries", cpu() - t0, Long::sum);
                List<Recommendation> list = merged;
                for (String name : spec.rules()) {
                    var rule = rules.get(name);
                    t0 = cpu();
                    list = rule.apply(list, ctx, items);
                    nanos.merge("rule " + name, cpu() - t0, Long::sum);
                }
                candidates += merged.size();
                sampled++;
            }
        }
        System.out.printf(Locale.ROOT, "funnel: generators %s, rules %s; %.0f merged candidates per warm request on average%n",
                funnel.generatorNames(), funnel.ruleNames(), (double) candidates / sampled);
        int n = sampled;
        System.out.println("stage costs, each alone on this thread (mean CPU time per request, so other load on the machine does not count):");
        nanos.forEach((stage, total) -> System.out.printf(Locale.ROOT, "  %-32s %8.1f us%n", stage, total / 1e3 / n));
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
