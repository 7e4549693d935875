package dev.marquee.devtools;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.datasets.RatingsDataset;
import dev.marquee.refresh.ranker.LeaveLastOutRanker;
import dev.marquee.refresh.ranker.RankerParams;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * bench train's stage-2 line: the learned ranker re-orders our iALS candidates, evaluated on the same split (the honest
 * lift over the candidate order). Its own class so that a JVM without XGBoost on the classpath (the Spark peer's) never
 * loads it.
 */
final class RankerLine {
    private RankerLine() {
    }

    static void print(RatingsDataset data, HeldOut split, Factors factors, double ialsSeconds, Map<String, Double> ials, AlsParams p,
                      UnaryOperator<List<HeldOut.Interaction>> inputs) {
        Map<String, Double> ranked = LeaveLastOutRanker.evaluate(data, split, factors, p, inputs, RankerParams.defaults(), System.out);
        TrainBench.print("ials+ranker", data.name(), ialsSeconds + ranked.get("train_seconds"), ranked);
        System.out.printf(Locale.ROOT, "  ials+ranker vs ials: ndcg@10 %.4f vs %.4f (%+.0f%%)%n", ranked.get("ndcg@10"),
                ials.get("ndcg@10"), 100 * (ranked.get("ndcg@10") / ials.get("ndcg@10") - 1));
    }
}
