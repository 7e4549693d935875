package dev.marquee.domain.ranking;

import dev.marquee.domain.model.Item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FeatureInputs} held in maps. The trainer fills one from the interactions before its cut-off (and the factors
 * trained on them) with {@link #fromHistory}; the api holds one per bundle for factors, popularity and trend, and
 * overlays the request's recent items and catalog entries ({@link #withRequest}).
 */
public final class SignalTables implements FeatureInputs {
    /** Key of the everywhere-popularity and trend tables. */
    public static final String GLOBAL = "*";

    final Map<String, float[]> userFactors;
    final Map<String, float[]> itemFactors;
    final Map<String, List<String>> recent;
    final Map<String, Long> activity;
    final Map<String, Item> items;
    final Map<String, Map<String, Double>> popularity;
    final Map<String, Map<String, Double>> trend;

    public SignalTables(Map<String, float[]> userFactors, Map<String, float[]> itemFactors, Map<String, List<String>> recent,
                        Map<String, Long> activity, Map<String, Item> items, Map<String, Map<String, Double>> popularity,
                        Map<String, Map<String, Double>> trend) {
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.recent = recent;
        this.activity = activity;
        this.items = items;
        this.popularity = popularity;
        this.trend = trend;
    }

    /** One past interaction as the trainer knows it; {@code country} may be null. */
    public record Past(String userId, String itemId, double weight, Instant at, String country) {
    }

    /**
     * Tables as of {@code cutoff} from the interactions before it: recent items (newest first, distinct), activity
     * (distinct items per user), popularity (sum of positive weights, everywhere and per country) and trend (the same
     * sum decayed with {@code trendHalfLife} to the cut-off). Factors are given (trained on the same interactions).
     */
    public static SignalTables fromHistory(List<Past> history, Instant cutoff, Duration trendHalfLife,
                                           Map<String, float[]> userFactors, Map<String, float[]> itemFactors,
                                           Map<String, Item> items) {
        Map<String, List<Past>> byUser = new HashMap<>();
        Map<String, Map<String, Double>> pop = new HashMap<>();
        Map<String, Map<String, Double>> tr = new HashMap<>();
        double halfLifeMillis = trendHalfLife.toMillis();
        for (Past p : history) {
            if (!p.at().isBefore(cutoff) || p.weight() <= 0) {
                continue;
            }
            byUser.computeIfAbsent(p.userId(), u -> new ArrayList<>()).add(p);
            double decayed = p.weight() * Math.pow(2, -(cutoff.toEpochMilli() - p.at().toEpochMilli()) / halfLifeMillis);
            add(pop, GLOBAL, p.itemId(), p.weight());
            add(tr, GLOBAL, p.itemId(), decayed);
            if (p.country() != null) {
                add(pop, p.country(), p.itemId(), p.weight());
                add(tr, p.country(), p.itemId(), decayed);
            }
        }
        Map<String, List<String>> recent = new HashMap<>();
        Map<String, Long> activity = new HashMap<>();
        byUser.forEach((user, list) -> {
            list.sort(Comparator.comparing(Past::at).reversed());
            List<String> distinct = list.stream().map(Past::itemId).distinct().toList();
            activity.put(user, (long) distinct.size());
            recent.put(user, distinct.subList(0, Math.min(FeatureExtractor.RECENT, distinct.size())));
        });
        return new SignalTables(userFactors, itemFactors, recent, activity, items, pop, tr);
    }

    private static void add(Map<String, Map<String, Double>> table, String key, String item, double w) {
        table.computeIfAbsent(key, k -> new HashMap<>()).merge(item, w, Double::sum);
    }

    /** A view for one request: this bundle's tables with the user's recent items, activity and catalog entries. */
    public SignalTables withRequest(String userId, List<String> recentItems, long userActivity, Map<String, Item> requestItems) {
        return new SignalTables(userFactors, itemFactors, Map.of(userId, recentItems), Map.of(userId, userActivity),
                requestItems, popularity, trend);
    }

    @Override
    public float[] userFactors(String userId) {
        return userFactors.get(userId);
    }

    @Override
    public float[] itemFactors(String itemId) {
        return itemFactors.get(itemId);
    }

    @Override
    public List<String> recentItems(String userId, int limit) {
        List<String> r = recent.getOrDefault(userId, List.of());
        return r.size() <= limit ? r : r.subList(0, limit);
    }

    @Override
    public long activity(String userId) {
        return activity.getOrDefault(userId, 0L);
    }

    @Override
    public Item item(String itemId) {
        return items.get(itemId);
    }

    @Override
    public double popularity(String itemId, String country) {
        return lookup(popularity, itemId, country);
    }

    @Override
    public double trend(String itemId, String country) {
        return lookup(trend, itemId, country);
    }

    private static double lookup(Map<String, Map<String, Double>> table, String itemId, String country) {
        Map<String, Double> t = table.get(country == null ? GLOBAL : country);
        return t == null ? 0 : t.getOrDefault(itemId, 0.0);
    }

    /** Popularity and trend tables, for writing into the bundle. */
    public Map<String, Map<String, Double>> popularityTable() {
        return popularity;
    }

    public Map<String, Map<String, Double>> trendTable() {
        return trend;
    }
}
