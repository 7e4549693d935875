package dev.marquee.adapters.redis;

import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible ingest batch: random users, items, countries (some events without one) and event types, so some
 * weights are negative or zero, with a few redelivered event ids, over {@code span} of time.
 */
record BatchWorkload(String prefix, int users, int items, List<String> countries) {
    private static final EventType[] TYPES = EventType.values();

    List<FeatureUpdate> updates(int count, long seed, Instant from, Duration span) {
        Random random = new Random(seed);
        List<FeatureUpdate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(50) == 0) {
                // a redelivered copy of an earlier event in the same batch
                out.add(out.get(random.nextInt(out.size())));
                continue;
            }
            EventType type = TYPES[random.nextInt(TYPES.length)];
            String user = user(random.nextInt(users));
            String item = item(random.nextInt(items));
            int c = random.nextInt(countries.size() + 1);
            String country = c == countries.size() ? null : countries.get(c);
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            out.add(new FeatureUpdate(prefix + "-ev" + seed + "-" + i, user, item, new RecentInteraction(item, type, at), type.wireName(),
                    type.defaultWeight(), country));
        }
        return out;
    }

    String user(int i) {
        return prefix + "-u" + i;
    }

    String item(int i) {
        return prefix + "-i" + i;
    }
}
