package dev.marquee.refresh.ranker;

import dev.marquee.adapters.bundle.FeatureSchemaJson;
import dev.marquee.adapters.onnx.TreeEnsembleOnnx;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.SignalTables;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.HeldOut;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The ranker step of {@code ./marquee train}, on the lake's events with a time-based split (so the evaluation is
 * honest): with {@code w = labelFraction x span}, history [start, t1) feeds the features and the candidate pools of
 * training requests in [t1, t2 = end - w); history [start, t2) feeds those of evaluation requests in [t2, end]. The model
 * trained on the first is judged on the second against the candidate order alone, then exported to ONNX.
 */
public final class RankerStage {
    public static final String ONNX_FILE = "ranker.onnx";
    public static final String SIGNALS_FILE = "ranker_signals.json";
    /** Trend tables decay with this half-life (features and serving alike). */
    public static final Duration TREND_HALF_LIFE = Duration.ofDays(3);

    /** A trained ranker: the model, its ONNX bytes, its schema (JSON), metrics, and the rows it was judged on. */
    public record Result(XgbRanker model, byte[] onnx, String schemaJson, Map<String, Object> metrics,
                         RankingGroups trainGroups, RankingGroups evalGroups, GroupMetrics evaluation) {
    }

    private RankerStage() {
    }

    /** Empty (with the reason printed) when the events are too few to train and evaluate a ranker. */
    public static Optional<Result> train(List<InteractionEvent> events, Map<String, Item> catalog, EventWeights weights,
                                         AlsParams als, RankerParams p, double labelFraction, PrintStream out) {
        return train(events, catalog, weights, als, UnaryOperator.identity(), p, labelFraction, out);
    }

    /** @param inputs the job's re-weighting of its iALS inputs, applied to the ranker's history models too */
    public static Optional<Result> train(List<InteractionEvent> events, Map<String, Item> catalog, EventWeights weights,
                                         AlsParams als, UnaryOperator<List<HeldOut.Interaction>> inputs, RankerParams p,
                                         double labelFraction, PrintStream out) {
        if (events.isEmpty()) {
            out.println("ranker: no events, skipped");
            return Optional.empty();
        }
        List<InteractionEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(InteractionEvent::timestamp));
        Instant start = sorted.get(0).timestamp();
        Instant end = sorted.get(sorted.size() - 1).timestamp().plusMillis(1);
        Duration window = Duration.ofMillis((long) (Duration.between(start, end).toMillis() * labelFraction));
        Instant t2 = end.minus(window);
        Instant t1 = t2.minus(window);
        List<SignalTables.Past> past = pasts(sorted, weights);
        long t0 = System.nanoTime();

        List<LabeledRequest> trainRequests = LabeledRequest.fromEvents(between(sorted, t1, t2), p.grades());
        List<LabeledRequest> evalRequests = LabeledRequest.fromEvents(between(sorted, t2, end), p.grades());
        out.printf(Locale.ROOT, "ranker: time split at %s and %s: %,d training requests, %,d evaluation requests%n",
                t1, t2, trainRequests.size(), evalRequests.size());
        HistoryModel trainHistory = HistoryModel.fit(past, t1, TREND_HALF_LIFE, als, p.pool(), catalog, inputs);
        GroupBuilder builder = new GroupBuilder();
        RankingGroups train = builder.build(trainRequests, trainHistory.signals(), trainHistory.pools()::get,
                p.negatives(), true, p.seed());
        HistoryModel evalHistory = HistoryModel.fit(past, t2, TREND_HALF_LIFE, als, p.pool(), catalog, inputs);
        RankingGroups eval = builder.build(evalRequests, evalHistory.signals(), evalHistory.pools()::get, -1, false, p.seed());
        out.printf(Locale.ROOT, "ranker: %,d training groups (%,d rows), %,d evaluation groups (%,d rows) in %.1fs%n",
                train.groupCount(), train.rowCount(), eval.groupCount(), eval.rowCount(), (System.nanoTime() - t0) / 1e9);
        if (train.groupCount() < 10 || eval.groupCount() == 0) {
            out.println("ranker: too few requests with an engaged candidate to train and evaluate; no ranker in this bundle");
            return Optional.empty();
        }
        long tTrain = System.nanoTime();
        XgbRanker model = XgbRanker.train(train, p);
        float[] scores = new float[eval.rowCount()];
        model.ensemble().score(eval.rows(), eval.rowCount(), scores);
        GroupMetrics m = GroupMetrics.of(eval, scores, 10);
        out.printf(Locale.ROOT, "ranker: %d trees of depth <= %d in %.1fs; ndcg@10 %.4f ranked vs %.4f candidate order "
                        + "(%+.1f%%) on %,d evaluation requests (%,d with an engaged candidate)%n",
                p.trees(), p.depth(), (System.nanoTime() - tTrain) / 1e9, m.rankedNdcg(), m.candidateNdcg(),
                100 * m.lift(), m.groups(), m.groupsWithPositive());

        FeatureSchema schema = FeatureSchema.V1;
        byte[] onnx = TreeEnsembleOnnx.write(model.ensemble(), schema);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("ndcg@10", m.rankedNdcg());
        metrics.put("candidate_order_ndcg@10", m.candidateNdcg());
        metrics.put("eval_requests", (double) m.groups());
        metrics.put("eval_requests_with_positive", (double) m.groupsWithPositive());
        metrics.put("train_requests", (double) train.groupCount());
        metrics.put("train_rows", (double) train.rowCount());
        metrics.put("trees", (double) p.trees());
        metrics.put("max_depth", (double) p.depth());
        metrics.put("feature_schema", schema.version());
        metrics.put("split_t1", t1.toString());
        metrics.put("split_t2", t2.toString());
        return Optional.of(new Result(model, onnx, FeatureSchemaJson.write(schema), metrics, train, eval, m));
    }

    /** Popularity and trend as of the end of the data, for serving (the api's feature tables). */
    public static SignalTables servingTables(List<InteractionEvent> events, EventWeights weights, Instant asOf) {
        return SignalTables.fromHistory(pasts(events, weights), asOf, TREND_HALF_LIFE, Map.of(), Map.of(), Map.of());
    }

    static List<SignalTables.Past> pasts(List<InteractionEvent> events, EventWeights weights) {
        List<SignalTables.Past> past = new ArrayList<>(events.size());
        for (InteractionEvent e : events) {
            past.add(new SignalTables.Past(e.userId(), e.itemId(), weights.weightOf(e), e.timestamp(), e.context().country()));
        }
        return past;
    }

    private static List<InteractionEvent> between(List<InteractionEvent> sorted, Instant from, Instant to) {
        List<InteractionEvent> out = new ArrayList<>();
        for (InteractionEvent e : sorted) {
            if (!e.timestamp().isBefore(from) && e.timestamp().isBefore(to)) {
                out.add(e);
            }
        }
        return out;
    }
}
