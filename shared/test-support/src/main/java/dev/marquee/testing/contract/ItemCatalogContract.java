package dev.marquee.testing.contract;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ItemCatalog} must do. Subclasses return a fresh, empty catalog. */
public abstract class ItemCatalogContract {
    protected ItemCatalog catalog;

    protected abstract ItemCatalog newCatalog();

    @BeforeEach
    void createCatalog() {
        catalog = newCatalog();
    }

    @Test
    void storedItemReadsBackWithEveryField() {
        Item item = Fixtures.item("i1", "drama", "comedy");
        catalog.put(item);

        assertThat(catalog.get("i1")).contains(item);
    }

    @Test
    void itemWithOnlyAnIdReadsBackWithEmptyCollections() {
        Item bare = new Item("bare", null, null, null, null, null, null, null);
        catalog.put(bare);

        assertThat(catalog.get("bare")).contains(bare);
    }

    @Test
    void unknownItemIsEmpty() {
        assertThat(catalog.get("nope")).isEmpty();
    }

    @Test
    void bulkWriteOfMoreThanOneBatchStoresEveryItem() {
        List<Item> items = IntStream.range(0, 60).mapToObj(i -> Fixtures.item("bulk-" + i, "g" + (i % 3))).toList();
        catalog.putAll(items);

        Map<String, Item> found = catalog.getAll(items.stream().map(Item::itemId).toList());
        assertThat(found).hasSize(60);
        assertThat(found.get("bulk-7")).isEqualTo(items.get(7));
    }

    @Test
    void getAllLeavesOutMissingIds() {
        catalog.put(Fixtures.item("a", "x"));

        assertThat(catalog.getAll(List.of("a", "missing")).keySet()).containsExactly("a");
    }

    @Test
    void putReplacesAndDeleteRemoves() {
        catalog.put(Fixtures.item("i1", "drama"));
        Item moved = new Item("i1", "New title", List.of("horror"), List.of(), "series",
                Instant.parse("2025-01-01T00:00:00Z"), Set.of("FR"), Map.of());
        catalog.put(moved);
        assertThat(catalog.get("i1")).contains(moved);

        assertThat(catalog.delete("i1")).isTrue();
        assertThat(catalog.delete("i1")).isFalse();
        assertThat(catalog.get("i1")).isEmpty();
    }

    @Test
    void forEachVisitsEveryItem() {
        catalog.putAll(List.of(Fixtures.item("a"), Fixtures.item("b"), Fixtures.item("c")));

        List<String> seen = new ArrayList<>();
        catalog.forEach(i -> seen.add(i.itemId()));
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
    }
}
