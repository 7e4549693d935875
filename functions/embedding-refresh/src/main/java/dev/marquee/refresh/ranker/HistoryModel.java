package dev.marquee.refresh.ranker;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.ranking.SignalTables;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.ImplicitAls;
import dev.marquee.domain.training.InteractionMatrix;
import dev.marquee.domain.training.Ranked;
import dev.marquee.domain.training.UserCandidates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What stage 1 and the feature store would have known at a cut-off: implicit ALS trained on the interactions before
 * it, each user's top-N candidates from those factors (seen items excluded), and the {@link SignalTables} the feature
 * extractor reads. The ranker learns on requests after the cut-off, so its features never see the labels.
 */
public record HistoryModel(SignalTables signals, Map<String, List<Candidate>> pools, Factors factors,
                           List<String> userIds, List<String> itemIds) {
    /** The source name of pool candidates (the CF generator). */
    public static final String SOURCE = "ials";

    /**
     * @param inputs the same re-weighting of the (user, item) pairs as the job's own iALS (per-user recency), so the
     *               candidates and factor features the ranker learns on are distributed like those it serves
     */
    public static HistoryModel fit(List<SignalTables.Past> history, Instant cutoff, Duration trendHalfLife, AlsParams als,
                                   int pool, Map<String, Item> catalog, UnaryOperator<List<HeldOut.Interaction>> inputs) {
        Map<String, Integer> users = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        List<SignalTables.Past> kept = new ArrayList<>();
        for (SignalTables.Past p : history) {
            if (p.at().isBefore(cutoff) && p.weight() != 0) {
                users.putIfAbsent(p.userId(), users.size());
                items.putIfAbsent(p.itemId(), items.size());
                kept.add(p);
            }
        }
        List<HeldOut.Interaction> pairs = new ArrayList<>(kept.size());
        for (SignalTables.Past p : kept) {
            pairs.add(new HeldOut.Interaction(users.get(p.userId()), items.get(p.itemId()), p.weight(), p.at().toEpochMilli()));
        }
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(users.size(), items.size());
        for (HeldOut.Interaction i : inputs.apply(pairs)) {
            b.add(i.user(), i.item(), i.weight());
        }
        InteractionMatrix m = b.build();
        Factors f = ImplicitAls.train(m, als, null);
        return from(f, m, List.copyOf(users.keySet()), List.copyOf(items.keySet()), kept, cutoff, trendHalfLife, pool, catalog);
    }

    /** With factors already trained on {@code m} (rows in the order of {@code userIds} and {@code itemIds}). */
    public static HistoryModel from(Factors f, InteractionMatrix m, List<String> userIds, List<String> itemIds,
                                    List<SignalTables.Past> history, Instant cutoff, Duration trendHalfLife, int pool,
                                    Map<String, Item> catalog) {
        Ranked[] top = UserCandidates.compute(f, m, pool);
        Map<String, float[]> uf = new HashMap<>();
        Map<String, float[]> itf = new HashMap<>();
        for (int u = 0; u < userIds.size(); u++) {
            uf.put(userIds.get(u), Arrays.copyOfRange(f.users(), u * f.k(), (u + 1) * f.k()));
        }
        for (int i = 0; i < itemIds.size(); i++) {
            itf.put(itemIds.get(i), Arrays.copyOfRange(f.items(), i * f.k(), (i + 1) * f.k()));
        }
        Map<String, List<Candidate>> pools = new HashMap<>();
        for (int u = 0; u < top.length; u++) {
            Ranked r = top[u];
            List<Candidate> cs = new ArrayList<>(r.size());
            for (int n = 0; n < r.size(); n++) {
                cs.add(new Candidate(itemIds.get(r.items()[n]), r.scores()[n], SOURCE));
            }
            pools.put(userIds.get(u), cs);
        }
        SignalTables tables = SignalTables.fromHistory(history, cutoff, trendHalfLife, uf, itf, catalog);
        return new HistoryModel(tables, pools, f, userIds, itemIds);
    }
}
