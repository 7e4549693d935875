package dev.marquee.refresh.ranker;

import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.ranking.FeatureExtractor;
import dev.marquee.domain.ranking.RankingQuery;
import dev.marquee.domain.ranking.SignalTables;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.datasets.RatingsDataset;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * iALS + ranker on the benchmark's leave-last-out split, judged exactly like the other models of
 * {@code ./marquee bench train}: the held-out (last) item of each user is never seen by the ranker's training. The
 * ranker learns on each user's second-to-last item, with features and candidate pools from an iALS trained without
 * it; at test time it reorders the top-{@code pool} candidates of the benchmark's own iALS (trained without the test
 * items), so NDCG@10 of the candidate order alone equals the iALS line's. Public data sets carry no country, device or
 * catalog here: those features stay at their defaults.
 */
public final class LeaveLastOutRanker {
    private static final Duration TREND_HALF_LIFE = Duration.ofDays(30);
    private static final int SAMPLED_NEGATIVES = 100;

    private LeaveLastOutRanker() {
    }

    /**
     * @param factors the benchmark's iALS, trained on {@code split.train()}
     * @param inputs  the re-weighting {@code split.train()} was made with, for the ranker's own (second) iALS
     * @return ndcg@10, recall@20, hr@10_sampled, coverage@10 of the ranked lists, candidate_order_ndcg@10, and
     *         train_seconds (the ranker's own training: second iALS, features, trees)
     */
    public static Map<String, Double> evaluate(RatingsDataset data, HeldOut split, Factors factors, AlsParams als,
                                               UnaryOperator<List<HeldOut.Interaction>> inputs, RankerParams p, PrintStream out) {
        long t0 = System.nanoTime();
        int[] test = split.testItem();
        List<HeldOut.Interaction> train = new ArrayList<>();
        for (HeldOut.Interaction i : data.interactions()) {
            if (test[i.user()] != i.item()) {
                train.add(i);
            }
        }
        HeldOut inner = HeldOut.leaveLastOut(data.users(), data.items(), train);
        int[] val = inner.testItem();
        List<SignalTables.Past> history2 = new ArrayList<>();
        for (HeldOut.Interaction i : train) {
            if (val[i.user()] != i.item()) {
                history2.add(past(data, i));
            }
        }
        Instant end = Instant.ofEpochMilli(data.interactions().stream().mapToLong(HeldOut.Interaction::timeMillis).max().orElse(0) + 1);
        HistoryModel trainHistory = HistoryModel.fit(history2, end, TREND_HALF_LIFE, als, p.pool(), Map.of(), inputs);
        GroupBuilder builder = new GroupBuilder();
        RankingGroups trainGroups = builder.build(requests(data, train, val), trainHistory.signals(),
                trainHistory.pools()::get, p.negatives(), true, p.seed());
        XgbRanker model = XgbRanker.train(trainGroups, p);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "  ials+ranker: %,d training requests (%,d rows), %d trees of depth <= %d trained in %.1fs%n",
                trainGroups.groupCount(), trainGroups.rowCount(), p.trees(), p.depth(), trainSeconds);

        List<SignalTables.Past> history = new ArrayList<>(train.size());
        train.forEach(i -> history.add(past(data, i)));
        HistoryModel evalHistory = HistoryModel.from(factors, split.train(), data.userIds(), data.itemIds(), history, end,
                TREND_HALF_LIFE, p.pool(), Map.of());
        List<LabeledRequest> evalRequests = requests(data, data.interactions(), test);
        RankingGroups eval = builder.build(evalRequests, evalHistory.signals(), evalHistory.pools()::get, -1, false, p.seed());
        float[] scores = new float[eval.rowCount()];
        model.ensemble().score(eval.rows(), eval.rowCount(), scores);
        GroupMetrics ndcg = GroupMetrics.of(eval, scores, 10);

        Map<String, Double> m = new HashMap<>();
        m.put("ndcg@10", ndcg.rankedNdcg());
        m.put("candidate_order_ndcg@10", ndcg.candidateNdcg());
        topListMetrics(eval, scores, data.items(), m);
        m.put("hr@10_sampled", sampledHitRate(data, split, evalRequests, evalHistory, model, p.seed()));
        m.put("train_seconds", trainSeconds);
        out.printf(Locale.ROOT, "  ials+ranker: ndcg@10 %.4f ranked vs %.4f candidate order (%+.1f%%) on %,d test users%n",
                ndcg.rankedNdcg(), ndcg.candidateNdcg(), 100 * ndcg.lift(), ndcg.groups());
        model.close();
        return m;
    }

    private static SignalTables.Past past(RatingsDataset data, HeldOut.Interaction i) {
        return new SignalTables.Past(data.userIds().get(i.user()), data.itemIds().get(i.item()), i.weight(),
                Instant.ofEpochMilli(i.timeMillis()), null);
    }

    /** One request per user with a held-out item, at the time the user interacted with it. */
    private static List<LabeledRequest> requests(RatingsDataset data, List<HeldOut.Interaction> interactions, int[] heldOut) {
        long[] at = new long[data.users()];
        for (HeldOut.Interaction i : interactions) {
            if (heldOut[i.user()] == i.item()) {
                at[i.user()] = Math.max(at[i.user()], i.timeMillis());
            }
        }
        List<LabeledRequest> out = new ArrayList<>();
        for (int u = 0; u < heldOut.length; u++) {
            if (heldOut[u] >= 0) {
                RankingQuery q = new RankingQuery(data.userIds().get(u), null, null, "homepage", Instant.ofEpochMilli(at[u]),
                        Preferences.NONE);
                out.add(new LabeledRequest(q, Map.of(data.itemIds().get(heldOut[u]), 1)));
            }
        }
        return out;
    }

    /** recall@20 (one held-out item: a hit in the top 20) and catalog coverage of the ranked top 10. */
    private static void topListMetrics(RankingGroups eval, float[] scores, int items, Map<String, Double> m) {
        double hits = 0;
        Set<String> covered = new HashSet<>();
        int start = 0;
        for (int size : eval.sizes()) {
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            int s0 = start;
            Arrays.sort(order, (a, b) -> Float.compare(scores[s0 + b], scores[s0 + a]));
            for (int r = 0; r < Math.min(20, size); r++) {
                if (eval.labels()[start + order[r]] > 0) {
                    hits++;
                }
                if (r < 10) {
                    covered.add(eval.itemIds()[start + order[r]]);
                }
            }
            start += size;
        }
        m.put("recall@20", hits / Math.max(1, eval.groupCount()));
        m.put("coverage@10", (double) covered.size() / items);
    }

    /** NCF protocol with the ranker: the held-out item among 100 sampled items the user never touched. */
    private static double sampledHitRate(RatingsDataset data, HeldOut split, List<LabeledRequest> requests,
                                         HistoryModel history, XgbRanker model, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        FeatureExtractor extractor = new FeatureExtractor();
        Map<String, Integer> userIndex = new HashMap<>();
        for (int u = 0; u < data.users(); u++) {
            userIndex.put(data.userIds().get(u), u);
        }
        int width = extractor.schema().width();
        float[] rows = new float[(SAMPLED_NEGATIVES + 1) * width];
        float[] scores = new float[SAMPLED_NEGATIVES + 1];
        double hits = 0;
        for (LabeledRequest r : requests) {
            int u = userIndex.get(r.query().userId());
            int target = split.testItem()[u];
            int[] seen = split.train().itemsOf(u);
            List<String> ids = new ArrayList<>(SAMPLED_NEGATIVES + 1);
            ids.add(data.itemIds().get(target));
            for (int n = 0; n < SAMPLED_NEGATIVES; n++) {
                int neg;
                do {
                    neg = rnd.nextInt(data.items());
                } while (neg == target || Arrays.binarySearch(seen, neg) >= 0);
                ids.add(data.itemIds().get(neg));
            }
            List<String> sources = new ArrayList<>(ids.size());
            ids.forEach(id -> sources.add(HistoryModel.SOURCE));
            extractor.extract(r.query(), history.signals(), ids, sources, rows);
            model.ensemble().score(rows, ids.size(), scores);
            int higher = 0;
            for (int k = 1; k < ids.size(); k++) {
                if (scores[k] > scores[0]) {
                    higher++;
                }
            }
            hits += higher < 10 ? 1 : 0;
        }
        return hits / Math.max(1, requests.size());
    }

}
