package dev.marquee.api.cache;

import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedItemCatalogTest {
    private final CatalogIndex index = new CatalogIndex();
    private final IndexedItemCatalog catalog = new IndexedItemCatalog(new InMemoryItemCatalog(), index);

    private static Item item(String id, String genre, String released) {
        return new Item(id, id, List.of(genre), List.of(), null, Instant.parse(released), Set.of(), Map.of());
    }

    @Test
    void anItemWrittenHereIsANewReleaseAtOnce() {
        index.replace(List.of(item("old", "drama", "2020-01-01T00:00:00Z")));

        catalog.put(item("fresh", "drama", "2026-11-20T00:00:00Z"));

        assertThat(index.newestFirst()).extracting(Item::itemId).containsExactly("fresh", "old");
        assertThat(index.genre("Drama")).extracting(Item::itemId).containsExactly("fresh", "old");
    }

    @Test
    void bulkWritesAndDeletesReachTheIndex() {
        catalog.putAll(List.of(item("a", "comedy", "2026-01-01T00:00:00Z"), item("b", "drama", "2026-02-01T00:00:00Z")));
        catalog.put(item("a", "drama", "2026-03-01T00:00:00Z"));
        catalog.delete("b");

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.genre("comedy")).isEmpty();
        assertThat(index.genre("drama")).extracting(Item::itemId).containsExactly("a");
        assertThat(catalog.get("b")).isEmpty();
    }
}
