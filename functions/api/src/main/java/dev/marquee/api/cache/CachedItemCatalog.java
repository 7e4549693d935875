package dev.marquee.api.cache;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Catalog entries held in memory for a short time: the read path checks availability of hundreds of candidates per
 * request, and items change rarely. A write through this instance shows at once; a write through another api instance
 * within the TTL. Absent items are cached too (a candidate with no catalog entry is asked for on every request).
 */
public final class CachedItemCatalog implements ItemCatalog {
    private record Entry(Optional<Item> item, long expiresAtMillis) {
    }

    private final ItemCatalog catalog;
    private final Clock clock;
    private final long ttlMillis;
    private final Lru<String, Entry> entries;

    public CachedItemCatalog(ItemCatalog catalog, Clock clock, Duration ttl, int capacity) {
        this.catalog = catalog;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.entries = new Lru<>(capacity);
    }

    @Override
    public Optional<Item> get(String itemId) {
        Entry e = fresh(itemId, clock.millis());
        if (e != null) {
            return e.item();
        }
        Optional<Item> item = catalog.get(itemId);
        entries.put(itemId, new Entry(item, clock.millis() + ttlMillis));
        return item;
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        long now = clock.millis();
        Map<String, Item> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : itemIds) {
            Entry e = fresh(id, now);
            if (e == null) {
                missing.add(id);
            } else {
                e.item().ifPresent(item -> found.put(id, item));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Item> read = catalog.getAll(missing);
            long expires = clock.millis() + ttlMillis;
            for (String id : missing) {
                Item item = read.get(id);
                entries.put(id, new Entry(Optional.ofNullable(item), expires));
                if (item != null) {
                    found.put(id, item);
                }
            }
        }
        return found;
    }

    private Entry fresh(String id, long now) {
        Entry e = entries.get(id);
        return e != null && e.expiresAtMillis() > now ? e : null;
    }

    @Override
    public void put(Item item) {
        catalog.put(item);
        entries.remove(item.itemId());
    }

    @Override
    public void putAll(Collection<Item> items) {
        catalog.putAll(items);
        items.forEach(i -> entries.remove(i.itemId()));
    }

    @Override
    public boolean delete(String itemId) {
        boolean deleted = catalog.delete(itemId);
        entries.remove(itemId);
        return deleted;
    }

    @Override
    public void forEach(Consumer<Item> visitor) {
        catalog.forEach(visitor);
    }
}
