package dev.marquee.api.cache;

import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CachedItemCatalogTest {
    private final SettableClock clock = new SettableClock();
    private final List<Collection<String>> reads = new ArrayList<>();
    private final InMemoryItemCatalog behind = new InMemoryItemCatalog();
    /** The catalog behind the cache, counting its batch reads. */
    private final ItemCatalog counted = new ItemCatalog() {
        @Override
        public Map<String, Item> getAll(Collection<String> itemIds) {
            reads.add(List.copyOf(itemIds));
            return behind.getAll(itemIds);
        }

        @Override
        public Optional<Item> get(String itemId) {
            reads.add(List.of(itemId));
            return behind.get(itemId);
        }

        @Override
        public void put(Item item) {
            behind.put(item);
        }

        @Override
        public void putAll(Collection<Item> items) {
            behind.putAll(items);
        }

        @Override
        public boolean delete(String itemId) {
            return behind.delete(itemId);
        }

        @Override
        public void forEach(Consumer<Item> visitor) {
            behind.forEach(visitor);
        }
    };
    // reloads run on the calling thread: the read after the TTL triggers one and still answers from the old entry
    private final CachedItemCatalog cached = new CachedItemCatalog(counted, clock, Duration.ofSeconds(60), Duration.ofMinutes(15),
            100, Runnable::run, e -> {
    });

    private static Item item(String id, String title) {
        return new Item(id, title, List.of(), List.of(), null, null, Set.of(), Map.of());
    }

    @Test
    void aChangeMadeElsewhereShowsOnceTheTtlIsOverAndTheEntryReloaded() {
        behind.put(item("a", "old"));
        assertThat(cached.getAll(List.of("a", "missing"))).containsOnlyKeys("a");

        behind.put(item("a", "new"));
        behind.put(item("missing", "now here"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("old");
        assertThat(cached.get("missing")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("old");
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("new");
        assertThat(cached.getAll(List.of("missing"))).isEmpty();
        assertThat(cached.getAll(List.of("missing"))).containsOnlyKeys("missing");
    }

    @Test
    void aWriteThroughThisInstanceShowsAtOnce() {
        cached.put(item("a", "v1"));
        cached.get("a");

        cached.put(item("a", "v2"));
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("v2");

        cached.delete("a");
        assertThat(cached.get("a")).isEmpty();
    }

    @Test
    void aFullScanFillsTheCacheSoRequestsNeedNoCatalogRead() {
        behind.put(item("a", "A"));
        behind.put(item("b", "B"));
        List<String> visited = new ArrayList<>();
        cached.forEach(i -> visited.add(i.itemId()));

        assertThat(visited).containsExactlyInAnyOrder("a", "b");
        assertThat(cached.getAll(List.of("a", "b"))).containsOnlyKeys("a", "b");
        assertThat(reads).isEmpty();
    }
}
