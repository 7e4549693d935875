package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogIndexTest {
    private static final List<String> GENRES = List.of("Drama", "comedy", "Documentary", "drama");

    private static Item random(SplittableRandom rnd, String id) {
        Instant released = rnd.nextInt(10) == 0 ? null : Instant.parse("2020-01-01T00:00:00Z").plusSeconds(rnd.nextInt(50) * 86_400L);
        return new Item(id, id, List.of(GENRES.get(rnd.nextInt(GENRES.size())), GENRES.get(rnd.nextInt(GENRES.size()))), List.of(),
                "movie", released, Set.of(), Map.of());
    }

    @Test
    void writesMergedInAreTheSameIndexAsAFullRebuild() {
        SplittableRandom rnd = new SplittableRandom(3);
        Map<String, Item> truth = new HashMap<>();
        List<Item> start = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Item item = random(rnd, "i" + i);
            start.add(item);
            truth.put(item.itemId(), item);
        }
        CatalogIndex merged = CatalogIndex.of(start);

        for (int round = 0; round < 40; round++) {
            List<Item> batch = new ArrayList<>();
            for (int n = rnd.nextInt(1, 30); n > 0; n--) {
                // new ids and rewrites of existing ones (other genres, other dates)
                batch.add(random(rnd, "i" + rnd.nextInt(400)));
            }
            merged.upsert(batch);
            batch.forEach(i -> truth.put(i.itemId(), i));
            String gone = "i" + rnd.nextInt(400);
            merged.remove(gone);
            truth.remove(gone);

            CatalogIndex rebuilt = CatalogIndex.of(truth.values());
            assertThat(merged.newestFirst()).isEqualTo(rebuilt.newestFirst());
            for (String g : List.of("drama", "Comedy", "documentary")) {
                assertThat(merged.genre(g)).as("genre %s after round %d", g, round).isEqualTo(rebuilt.genre(g));
            }
            assertThat(merged.size()).isEqualTo(truth.size());
        }
    }
}
