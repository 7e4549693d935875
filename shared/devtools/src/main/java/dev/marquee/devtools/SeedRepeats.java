package dev.marquee.devtools;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.FactorTrainer;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.RankingMetrics;
import dev.marquee.domain.training.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A factor model fitted once per seed (seed, seed + 1, ...) on the same split. Between two models this close, the seed
 * moves NDCG@10 as much as the model does (a few thousandths on ml-latest-small), so one seed decides nothing: the
 * metrics are the means over the seeds, each user's NDCG@10 is averaged over them for the paired comparison, and the
 * fit time is the median.
 */
final class SeedRepeats {
    /** What the repeats measured; {@code factors} are the first seed's (for the lists derived from them). */
    record Result(String model, double fitSeconds, double wallSeconds, Map<String, Double> metrics, double[] ndcgPerUser,
                  Factors factors) {
    }

    private SeedRepeats() {
    }

    static Result fit(FactorTrainer trainer, HeldOut split, AlsParams p, int repeats) {
        double[] fitSeconds = new double[repeats];
        double[] wallSeconds = new double[repeats];
        List<Map<String, Double>> metrics = new ArrayList<>();
        double[] perUser = null;
        Factors first = null;
        for (int r = 0; r < repeats; r++) {
            AlsParams seeded = p.withSeed(p.seed() + r);
            long t0 = System.nanoTime();
            FactorTrainer.Fit fit = trainer.fit(split.train(), seeded);
            wallSeconds[r] = (System.nanoTime() - t0) / 1e9;
            fitSeconds[r] = fit.fitSeconds();
            Scorer scorer = Scorer.of(fit.factors());
            Map<String, Double> m = RankingMetrics.evaluate(split, scorer, 7);
            metrics.add(m);
            double[] users = RankingMetrics.ndcgPerUser(split, scorer, 10);
            if (perUser == null) {
                perUser = users;
                first = fit.factors();
            } else {
                for (int u = 0; u < users.length; u++) {
                    perUser[u] += users[u];
                }
            }
            System.out.printf(Locale.ROOT, "  %s seed %d: fit %.3fs (%.3fs with set-up and data conversion), ndcg@10 %.4f%n",
                    trainer.name(), seeded.seed(), fitSeconds[r], wallSeconds[r], m.get("ndcg@10"));
        }
        for (int u = 0; u < perUser.length; u++) {
            perUser[u] /= repeats;
        }
        return new Result(trainer.name(), median(fitSeconds), median(wallSeconds), mean(metrics), perUser, first);
    }

    private static Map<String, Double> mean(List<Map<String, Double>> all) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : all.getFirst().keySet()) {
            out.put(key, all.stream().mapToDouble(m -> m.get(key)).average().orElse(Double.NaN));
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
