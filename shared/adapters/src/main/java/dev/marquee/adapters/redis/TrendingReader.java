package dev.marquee.adapters.redis;

import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.ScoredItem;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Top-k over two epochs' sorted sets, the decayed score being {@code fCur * cur + fPrev * prev}. Reads the top
 * {@code window} of each key (threshold algorithm): an item absent from both windows scores at most
 * {@code fCur * lastCur + fPrev * lastPrev}, so once the k-th exact score reaches that bound the answer is final;
 * otherwise the window grows. An item found in one window gets its other score by ZMSCORE, unless the other key was
 * read to its end (then it has none). A country's sets are read whole only when they are small or nearly tied.
 */
final class TrendingReader {
    private static final int GROWTH = 4;

    private final SortedSetCommands<String, String> sortedSets;
    private final TrendingDecay decay;

    TrendingReader(SortedSetCommands<String, String> sortedSets, TrendingDecay decay) {
        this.sortedSets = sortedSets;
        this.decay = decay;
    }

    List<ScoredItem> top(String country, int limit, Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        long epoch = decay.epochOf(now);
        Epoch current = new Epoch(RedisKeys.trending(country, epoch), decay.readFactor(epoch, now));
        Epoch previous = new Epoch(RedisKeys.trending(country, epoch - 1), decay.readFactor(epoch - 1, now));
        for (long window = limit; ; window = Math.multiplyExact(window, GROWTH)) {
            current.read(window);
            previous.read(window);
            Map<String, Double> exact = new HashMap<>();
            current.addTo(exact);
            previous.addTo(exact);
            current.completeMissingFrom(previous, exact);
            previous.completeMissingFrom(current, exact);

            List<ScoredItem> ranked = rank(exact);
            boolean everythingRead = current.exhausted && previous.exhausted;
            if (everythingRead || ranked.size() >= limit && ranked.get(limit - 1).score() >= current.bound() + previous.bound()) {
                return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
            }
        }
    }

    private static List<ScoredItem> rank(Map<String, Double> scores) {
        List<ScoredItem> ranked = new ArrayList<>(scores.size());
        scores.forEach((item, score) -> ranked.add(new ScoredItem(item, score)));
        ranked.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId));
        return ranked;
    }

    /** One epoch's key and read factor, and the window last read from it (stored scores, best first). */
    private final class Epoch {
        private final String key;
        private final double factor;
        private List<ScoredValue<String>> window = List.of();
        private Map<String, Double> stored = Map.of();
        private boolean exhausted;

        Epoch(String key, double factor) {
            this.key = key;
            this.factor = factor;
        }

        void read(long size) {
            window = RedisCalls.call("ZRANGE " + key, () -> sortedSets.zrangeWithScores(key, 0, size - 1, new ZRangeArgs().rev()));
            exhausted = window.size() < size;
            stored = new HashMap<>();
            for (ScoredValue<String> entry : window) {
                stored.put(entry.value(), entry.score());
            }
        }

        void addTo(Map<String, Double> exact) {
            stored.forEach((item, score) -> exact.merge(item, score * factor, Double::sum));
        }

        /** Adds this epoch's score of the items only the other window holds, unless this key was read to its end. */
        void completeMissingFrom(Epoch other, Map<String, Double> exact) {
            if (exhausted) {
                return;
            }
            String[] missing = other.stored.keySet().stream().filter(item -> !stored.containsKey(item)).toArray(String[]::new);
            if (missing.length == 0) {
                return;
            }
            List<OptionalDouble> scores = RedisCalls.call("ZMSCORE " + key, () -> sortedSets.zmscore(key, missing));
            for (int i = 0; i < missing.length; i++) {
                OptionalDouble score = scores.get(i);
                if (score.isPresent()) {
                    exact.merge(missing[i], score.getAsDouble() * factor, Double::sum);
                }
            }
        }

        /** The most an item outside this window can get from this epoch. */
        double bound() {
            return exhausted || window.isEmpty() ? 0 : window.getLast().score() * factor;
        }
    }
}
