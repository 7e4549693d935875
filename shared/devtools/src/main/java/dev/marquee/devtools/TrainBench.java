package dev.marquee.devtools;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.ImplicitAls;
import dev.marquee.domain.training.RankingMetrics;
import dev.marquee.domain.training.Scorer;
import dev.marquee.domain.training.datasets.RatingsDataset;
import dev.marquee.refresh.ranker.LeaveLastOutRanker;
import dev.marquee.refresh.ranker.RankerParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Our implicit ALS against the popularity baseline on one leave-last-out split of a public data set, printing one
 * JSON line per model. (The Spark MLlib peer of the issue is not wired in yet.)
 */
final class TrainBench {
    private TrainBench() {
    }

    static int run(String[] args) {
        Path dataset = null;
        AlsParams params = new AlsParams(64, 15, 20, 10, 3, 42, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(args[++i]);
                case "--factors" -> params = params.withFactors(Integer.parseInt(args[++i]));
                case "--iterations" -> params = params.withIterations(Integer.parseInt(args[++i]));
                case "--alpha" -> params = params.withAlpha(Double.parseDouble(args[++i]));
                case "--regularization" -> params = params.withRegularization(Double.parseDouble(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./marquee bench train --dataset PATH [--factors 64] [--iterations 15] [--alpha 10] [--regularization 20]

                            PATH: a MovieLens folder (u.data, ratings.csv or ratings.dat) or a user,item,timestamp[,weight] CSV.
                            Trains our implicit ALS and the popularity baseline on the same leave-last-out split and prints
                            one JSON line per model: model, dataset, train_seconds, ndcg@10, recall@20, hr@10_sampled, coverage@10.""");
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        if (dataset == null || !Files.exists(dataset)) {
            System.err.println("--dataset PATH is required and must exist (see --help)");
            return 2;
        }
        RatingsDataset data = RatingsDataset.read(dataset);
        HeldOut split = HeldOut.leaveLastOut(data.users(), data.items(), data.interactions());
        System.out.printf(Locale.ROOT, "%s: %,d users, %,d items, %,d interactions (%,d distinct pairs in training)%n",
                data.name(), data.users(), data.items(), data.interactions().size(), split.train().nonZeros());

        long t0 = System.nanoTime();
        AlsParams p = params;
        Factors factors = ImplicitAls.train(split.train(), p, (done, total, loss, seconds) ->
                System.out.printf(Locale.ROOT, "  ials iteration %2d/%d  loss %.4f  %.1fs elapsed, ETA %.1fs%n",
                        done, total, loss, seconds, seconds / done * (total - done)));
        double alsSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Scorer popularity = Scorer.popularity(split.train());
        double popSeconds = (System.nanoTime() - t1) / 1e9;

        print("ials", data.name(), alsSeconds, RankingMetrics.evaluate(split, Scorer.of(factors), 7));
        print("popularity", data.name(), popSeconds, RankingMetrics.evaluate(split, popularity, 7));
        Map<String, Double> ranked = LeaveLastOutRanker.evaluate(data, split, factors, p, RankerParams.defaults(), System.out);
        print("ials+ranker", data.name(), alsSeconds + ranked.get("train_seconds"), ranked);
        return 0;
    }

    private static void print(String model, String dataset, double seconds, Map<String, Double> m) {
        System.out.printf(Locale.ROOT,
                "{\"model\":\"%s\",\"dataset\":\"%s\",\"train_seconds\":%.3f,\"ndcg@10\":%.4f,\"recall@20\":%.4f,\"hr@10_sampled\":%.4f,\"coverage@10\":%.4f}%n",
                model, dataset, seconds, m.get("ndcg@10"), m.get("recall@20"), m.get("hr@10_sampled"), m.get("coverage@10"));
    }
}
