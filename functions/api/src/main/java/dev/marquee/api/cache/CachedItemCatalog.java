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
    private final ItemCatalog catalog;
    private final ExpiringLru<String, Optional<Item>> entries;

    public CachedItemCatalog(ItemCatalog catalog, Clock clock, Duration ttl, int capacity) {
        this.catalog = catalog;
        this.entries = new ExpiringLru<>(clock, ttl, capacity);
    }

    @Override
    public Optional<Item> get(String itemId) {
        Optional<Item> cached = entries.fresh(itemId);
        if (cached != null) {
            return cached;
        }
        Optional<Item> item = catalog.get(itemId);
        entries.put(itemId, item);
        return item;
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        Map<String, Item> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : itemIds) {
            Optional<Item> cached = entries.fresh(id);
            if (cached == null) {
                missing.add(id);
            } else {
                cached.ifPresent(item -> found.put(id, item));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Item> read = catalog.getAll(missing);
            for (String id : missing) {
                Item item = read.get(id);
                entries.put(id, Optional.ofNullable(item));
                if (item != null) {
                    found.put(id, item);
                }
            }
        }
        return found;
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
