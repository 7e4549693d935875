package dev.marquee.devtools;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.BlendedSimilarItems;
import dev.marquee.domain.training.CooccurrenceSimilarItems;
import dev.marquee.domain.training.ItemToItemMetrics;
import dev.marquee.domain.training.Ranked;
import dev.marquee.domain.training.SimilarItems;
import dev.marquee.domain.training.FactorTrainer;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.ImplicitAls;
import dev.marquee.domain.training.Kernels;
import dev.marquee.domain.training.PairedBootstrap;
import dev.marquee.domain.training.RankingMetrics;
import dev.marquee.domain.training.Scorer;
import dev.marquee.domain.training.UserRecency;
import dev.marquee.domain.training.WindowedCooccurrenceSimilarItems;
import dev.marquee.domain.training.datasets.RatingsDataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Our implicit ALS, its peers found on the classpath (Spark MLlib's ALS when ./marquee bench train put the spark-peer
 * module there) and the popularity baseline, on one leave-last-out split of a public data set, in one process. Prints
 * progress, one JSON line per model, then a side-by-side summary.
 */
final class TrainBench {
    private TrainBench() {
    }

    static final String USAGE = """
            Usage: ./marquee bench train --dataset PATH [--factors 128] [--iterations 15] [--alpha 10] [--regularization 0.1]
                                         [--plain-regularization] [--cg-steps 3] [--seed 42] [--threads N]
                                         [--recency-half-life 3] [--validation] [--cooc-shrink 10] [--cooc-window 5] [--blend-weight 0.1]
                                         [--repeats 3] [--no-peers] [--compare-kernels] [--no-ranker | --ranker-only]

            PATH: a MovieLens folder (u.data, ratings.csv or ratings.dat) or a user,item,timestamp[,weight] CSV.
            Trains our implicit ALS, Spark MLlib's ALS (implicit prefs, same hyperparameters, local mode on 127.0.0.1;
            both weighted lambda, Spark's only kind; with --plain-regularization ours is unweighted and Spark gets
            the same mean penalty per row) and the popularity baseline on the same
            leave-last-out split and prints one JSON line per model: model, dataset, train_seconds, ndcg@10, recall@20,
            hr@10_sampled, coverage@10; then a summary (speed-up of our fit over Spark's, NDCG@10 side by side).
            --repeats N: each factor model is fitted with seeds seed..seed+N-1; its metrics are the means over them and
            train_seconds the median (one seed moves NDCG@10 about as much as the model choice does; each seed's
            NDCG@10 is printed). The paired bootstrap in the summary compares the users' NDCG@10 averaged over seeds.
            train_seconds is the fit alone (Spark's session start and data conversion are shown apart).
            --no-peers skips Spark; --compare-kernels also fits iALS with the plain loops and prints both timings.
            The ials+ranker line (XGBoost ranker over our candidates) runs in its own JVM when Spark is on the classpath
            (their libraries clash): --no-ranker leaves it out, --ranker-only prints only it (the launcher does both).
            --recency-half-life H: each training pair weighs 2^(-n/H), n the items the user played later (0: off;
            Spark gets the same weights, popularity counts users). --validation: tune on a split of the training part only (each user's
            held-out test item dropped, the last remaining item held out instead); implies --no-ranker.
            Similar items are scored item-to-item (the held-out item in the top 10 of the user's last training item's
            list) for the factor neighbours, co-occurrence (shrunk cosine, --cooc-shrink) over whole histories and
            within --cooc-window positions, and their rank blends (--blend-weight: the factors' share; the window blend
            is what ./marquee train writes).""";

    static int run(String[] args) {
        Path dataset = null;
        AlsParams params = AlsParams.defaults();
        boolean peers = true;
        boolean compareKernels = false;
        boolean ranker = true;
        boolean rankerOnly = false;
        int repeats = 3;
        double recency = UserRecency.DEFAULT_HALF_LIFE;
        boolean validation = false;
        double coocShrink = WindowedCooccurrenceSimilarItems.DEFAULT_SHRINK;
        int coocWindow = WindowedCooccurrenceSimilarItems.DEFAULT_WINDOW;
        double blendWeight = SimilarItems.DEFAULT_FACTOR_SHARE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dataset" -> dataset = Path.of(args[++i]);
                    case "--factors" -> params = params.withFactors(Integer.parseInt(args[++i]));
                    case "--iterations" -> params = params.withIterations(Integer.parseInt(args[++i]));
                    case "--alpha" -> params = params.withAlpha(Double.parseDouble(args[++i]));
                    case "--regularization" -> params = params.withRegularization(Double.parseDouble(args[++i]));
                    case "--cg-steps" -> params = params.withCgSteps(Integer.parseInt(args[++i]));
                    case "--seed" -> params = params.withSeed(Long.parseLong(args[++i]));
                    case "--threads" -> params = params.withThreads(Integer.parseInt(args[++i]));
                    case "--plain-regularization" -> params = params.withWeightedRegularization(false);
                    case "--recency-half-life" -> recency = Double.parseDouble(args[++i]);
                    case "--validation" -> validation = true;
                    case "--cooc-shrink" -> coocShrink = Double.parseDouble(args[++i]);
                    case "--cooc-window" -> coocWindow = Integer.parseInt(args[++i]);
                    case "--blend-weight" -> blendWeight = Double.parseDouble(args[++i]);
                    case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                    case "--no-peers" -> peers = false;
                    case "--compare-kernels" -> compareKernels = true;
                    case "--no-ranker" -> ranker = false;
                    case "--ranker-only" -> rankerOnly = true;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        System.err.println("unknown option " + args[i] + " (see --help)");
                        return 2;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            System.err.println("bad option value: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (dataset == null || !Files.exists(dataset)) {
            System.err.println("--dataset PATH is required and must exist (see --help)");
            return 2;
        }
        if (repeats < 1) {
            System.err.println("--repeats must be at least 1 (see --help)");
            return 2;
        }
        if (recency < 0) {
            System.err.println("--recency-half-life must be >= 0 (see --help)");
            return 2;
        }
        RatingsDataset data = RatingsDataset.read(dataset);
        List<HeldOut.Interaction> interactions = data.interactions();
        if (validation && rankerOnly) {
            System.out.println("(no ials+ranker line on the validation split)");
            return 0;
        }
        if (validation) {
            interactions = HeldOut.withoutHeldOut(interactions, HeldOut.lastItems(data.users(), interactions));
            ranker = false;
            System.out.println("validation split: each user's test item dropped, the next-latest held out (for tuning)");
        }
        UnaryOperator<List<HeldOut.Interaction>> inputs = recency > 0 ? new UserRecency(recency)::apply : UnaryOperator.identity();
        HeldOut split = HeldOut.leaveLastOut(data.users(), data.items(), interactions, inputs);
        System.out.printf(Locale.ROOT, "%s: %,d users, %,d items, %,d interactions (%,d distinct pairs in training)%n",
                data.name(), data.users(), data.items(), data.interactions().size(), split.train().nonZeros());
        System.out.printf(Locale.ROOT, "hyperparameters: factors %d, iterations %d, regularization %s (%s), alpha %s, cg steps %d, "
                        + "seed %d, threads %d; kernels %s; recency half-life %s%n", params.factors(), params.iterations(), params.regularization(),
                params.weightedRegularization() ? "weighted" : "plain", params.alpha(), params.cgSteps(), params.seed(),
                params.threads(), Kernels.best().name(), recency > 0 ? recency + " interactions" : "off");

        List<SeedRepeats.Result> rows = new ArrayList<>();
        AlsParams p = params;
        FactorTrainer ials = FactorTrainer.implicitAls((done, total, loss, seconds) ->
                System.out.printf(Locale.ROOT, "  ials iteration %2d/%d  loss %.4f  %.2fs elapsed, ETA %.2fs%n",
                        done, total, loss, seconds, seconds / done * (total - done)));
        if (rankerOnly) {
            // the ranker's line compares with the ials of its own (first) seed
            SeedRepeats.Result one = SeedRepeats.fit(ials, split, p, 1);
            RankerLine.print(data, split, one.factors(), one.fitSeconds(), one.metrics(), p, inputs);
            return 0;
        }
        rows.add(SeedRepeats.fit(ials, split, p, repeats));
        if (compareKernels) {
            compareKernels(split, p);
        }
        if (peers) {
            List<FactorTrainer> found = new ArrayList<>();
            ServiceLoader.load(FactorTrainer.class).forEach(found::add);
            if (found.isEmpty()) {
                System.out.println("  (no peer models on the classpath: ./marquee bench train adds Spark's ALS)");
            }
            for (FactorTrainer peer : found) {
                System.out.printf(Locale.ROOT, "  %s: fitting (starting it and converting the data first)...%n", peer.name());
                try {
                    rows.add(SeedRepeats.fit(peer, split, p, repeats));
                } finally {
                    if (peer instanceof AutoCloseable c) {
                        try {
                            c.close();
                        } catch (Exception e) {
                            System.err.println("  " + peer.name() + ": close failed: " + e);
                        }
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        Scorer popularity = Scorer.popularity(split.train());
        double popSeconds = (System.nanoTime() - t1) / 1e9;
        rows.add(new SeedRepeats.Result("popularity", popSeconds, popSeconds, RankingMetrics.evaluate(split, popularity, 7),
                RankingMetrics.ndcgPerUser(split, popularity, 10), null));

        for (SeedRepeats.Result r : rows) {
            print(r.model(), data.name(), r.fitSeconds(), r.metrics());
        }
        summary(rows, split);
        similarItems(data, interactions, split, rows.getFirst().factors(), coocShrink, coocWindow, new BlendedSimilarItems(blendWeight));
        if (ranker) {
            System.out.println("ials+ranker (its own JVM, first seed only):");
            RankerLine.print(data, split, rows.getFirst().factors(), rows.getFirst().fitSeconds(), rows.getFirst().metrics(), p, inputs);
        }
        return 0;
    }

    /** The paired bootstrap's reading of an NDCG@10 difference: is it more than the split's noise? */
    private static void difference(String a, String b, PairedBootstrap.Interval ci) {
        System.out.printf(Locale.ROOT, "    ndcg@10 %s - %s: %+.4f, 95%% interval [%+.4f, %+.4f] over %d users (paired bootstrap): %s%n",
                a, b, ci.meanDifference(), ci.low(), ci.high(), ci.users(),
                ci.significant() ? (ci.meanDifference() > 0 ? a + " better" : b + " better") : "no significant difference");
    }


    static void print(String model, String dataset, double seconds, Map<String, Double> m) {
        System.out.printf(Locale.ROOT,
                "{\"model\":\"%s\",\"dataset\":\"%s\",\"train_seconds\":%.3f,\"ndcg@10\":%.4f,\"recall@20\":%.4f,\"hr@10_sampled\":%.4f,\"coverage@10\":%.4f}%n",
                model, dataset, seconds, m.get("ndcg@10"), m.get("recall@20"), m.get("hr@10_sampled"), m.get("coverage@10"));
    }


    /** The same fit on each kernel implementation, twice each (the first run also warms the JIT). */
    private static void compareKernels(HeldOut split, AlsParams p) {
        List<Kernels> kinds = new ArrayList<>();
        Kernels.vector().ifPresent(kinds::add);
        kinds.add(Kernels.PLAIN);
        for (Kernels k : kinds) {
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 2; run++) {
                long t0 = System.nanoTime();
                ImplicitAls.train(split.train(), p, null, k);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "  ials on %s kernels: fit %.3fs (best of 2)%n", k.name(), best);
        }
    }

    /** Item-to-item lists from our factors, from co-occurrence (whole histories and windows) and blended, on the same split. */
    private static void similarItems(RatingsDataset data, List<HeldOut.Interaction> interactions, HeldOut split, Factors f,
                                     double shrink, int window, BlendedSimilarItems blend) {
        int depth = 50;
        int[] test = split.testItem();
        Ranked[] byFactors = SimilarItems.compute(f, depth);
        Ranked[] byHistory = new CooccurrenceSimilarItems(shrink).compute(split.train(), depth);
        Ranked[] byWindow = new WindowedCooccurrenceSimilarItems(window, shrink)
                .compute(data.items(), HeldOut.withoutHeldOut(interactions, test), depth);
        int[] anchor = HeldOut.lastTrainedItems(data.users(), interactions, test);
        System.out.println("similar items (item-to-item: the held-out item in the top 10 of the last training item's list):");
        Map<String, Ranked[]> lists = new java.util.LinkedHashMap<>();
        lists.put("factors", byFactors);
        lists.put("co-occurrence", byHistory);
        lists.put("co-occurrence window " + window, byWindow);
        lists.put("blend factors + co-occurrence", blend.blend(byFactors, byHistory, depth));
        lists.put("blend factors + window", blend.blend(byFactors, byWindow, depth));
        lists.forEach((name, list) -> {
            Map<String, Double> m = ItemToItemMetrics.evaluate(list, anchor, test);
            System.out.printf(Locale.ROOT, "  %-32s i2i hr@10 %.4f  i2i ndcg@10 %.4f  (%d users)%n", name,
                    m.get("i2i_hr@10"), m.get("i2i_ndcg@10"), m.get("i2i_users").intValue());
        });
    }

    private static void summary(List<SeedRepeats.Result> rows, HeldOut split) {
        SeedRepeats.Result ours = rows.getFirst();
        SeedRepeats.Result pop = rows.getLast();
        System.out.println("summary:");
        for (SeedRepeats.Result r : rows.subList(1, rows.size() - 1)) {
            System.out.printf(Locale.ROOT, "  ials vs %s: fit %.3fs vs %.3fs (%.1fx faster; %.1fx counting Spark's set-up), "
                            + "ndcg@10 %.4f vs %.4f (%s)%n", r.model(), ours.fitSeconds(), r.fitSeconds(), r.fitSeconds() / ours.fitSeconds(),
                    r.wallSeconds() / ours.fitSeconds(), ours.metrics().get("ndcg@10"), r.metrics().get("ndcg@10"),
                    ours.metrics().get("ndcg@10") >= r.metrics().get("ndcg@10") ? "at least as good" : "lower");
            difference("ials", r.model(), PairedBootstrap.meanDifference(ours.ndcgPerUser(), r.ndcgPerUser(), 2000, 7));
        }
        difference("ials", "popularity", PairedBootstrap.meanDifference(ours.ndcgPerUser(), pop.ndcgPerUser(), 2000, 7));
        System.out.printf(Locale.ROOT, "  ials vs popularity: ndcg@10 %.4f vs %.4f (%.2fx)%n",
                ours.metrics().get("ndcg@10"), pop.metrics().get("ndcg@10"), ours.metrics().get("ndcg@10") / pop.metrics().get("ndcg@10"));
    }
}
