package dev.marquee.domain.ranking;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.Ranker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 2 with a learned model: feature rows from the shared {@link FeatureExtractor}, scored by a {@link RowScorer},
 * candidates sorted by score (ties keep candidate order). The row buffer is reused across requests of a thread.
 */
public final class FeatureRanker implements Ranker {
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final RequestSignals signals;
    private final RowScorer scorer;
    private final Clock clock;
    private final ThreadLocal<float[]> rows = ThreadLocal.withInitial(() -> new float[0]);

    public FeatureRanker(RequestSignals signals, RowScorer scorer, Clock clock) {
        this.signals = signals;
        this.scorer = scorer;
        this.clock = clock;
    }

    @Override
    public List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates) {
        int n = candidates.size();
        List<String> ids = new ArrayList<>(n);
        List<String> sources = new ArrayList<>(n);
        for (Recommendation r : candidates) {
            ids.add(r.itemId());
            sources.add(r.source());
        }
        float[] buffer = buffer(n * extractor.schema().width());
        RankingQuery query = new RankingQuery(context.request().userId(), context.country(), context.segment().device(),
                context.request().surface(), clock.instant(), context.profile().preferences());
        extractor.extract(query, signals.gather(context, ids), ids, sources, buffer);
        float[] scores = new float[n];
        scorer.score(buffer, n, scores);
        return sortByScore(candidates, scores);
    }

    static List<Recommendation> sortByScore(List<Recommendation> candidates, float[] scores) {
        Integer[] order = new Integer[candidates.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        List<Recommendation> out = new ArrayList<>(order.length);
        for (int i : order) {
            Recommendation r = candidates.get(i);
            out.add(new Recommendation(r.itemId(), scores[i], r.reason(), r.source()));
        }
        return out;
    }

    private float[] buffer(int size) {
        float[] b = rows.get();
        if (b.length < size) {
            b = new float[size];
            rows.set(b);
        }
        return b;
    }
}
